def load_reference():
    pass
