from yrd.core.context import client_address, origin


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = origin.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            origin.reset(token)
