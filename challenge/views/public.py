"""What anyone may read: the list of calls, a call with its rubric, FAQ and dates, and the published results.

Until the first call opens, the index says what the challenge will be and links to what already works (the
map, the workshops): that text is the empty state of the list.
"""

from django.http import Http404
from django.views.generic import TemplateView

from ..access import public_challenge_or_404
from ..enums import Phase
from ..queries.public import call_detail, listed_calls, results


class ChallengeIndexView(TemplateView):
    template_name = "challenge/public/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(calls=listed_calls(), **kwargs)


class ChallengeDetailView(TemplateView):
    template_name = "challenge/public/detail.html"

    def get_context_data(self, **kwargs):
        call = call_detail(public_challenge_or_404(self.kwargs["slug"]))
        return super().get_context_data(call=call, challenge=call.challenge, phases=Phase, **kwargs)


class ChallengeResultsView(TemplateView):
    """Only once the results are published; before that the page does not exist (404)."""

    template_name = "challenge/public/results.html"

    def get_context_data(self, **kwargs):
        outcome = results(public_challenge_or_404(self.kwargs["slug"]))
        if outcome is None:
            raise Http404
        return super().get_context_data(results=outcome, challenge=outcome.challenge, **kwargs)
