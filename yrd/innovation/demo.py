def load_demo():
    pass
