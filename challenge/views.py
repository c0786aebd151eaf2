"""The challenge is being built: until the first call opens, its menu item leads to a page that says what it
will be and links to what already works (the map, the workshops). No database access yet."""

from django.views.generic import TemplateView


class ChallengeIndexView(TemplateView):
    template_name = "challenge/index.html"
