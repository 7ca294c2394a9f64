from django.shortcuts import render


def catalogue(request):
    return render(request, "culture/catalogue.html", {})


def bid(request):
    return render(request, "culture/bid.html", {})
