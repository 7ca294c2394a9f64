"""Emergency supply and equipment alliance of the Yangtze River Delta (plan area 9, issue 10)."""
