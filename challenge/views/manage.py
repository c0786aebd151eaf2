"""The coördinator's management of the calls: settings and dates, the rubric, the FAQ, the jury and the
division of the proposals among it. Permission: challenge.manage_challenge / manage_jury (coördinator and
beheerder); everyone else gets 403, a visitor goes to log in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from ondernemend.permissions import PermissionRequiredMixin

from ..access import managed_challenge_or_404
from ..enums import Phase
from ..exceptions import ChallengeError
from ..forms.manage import AddJurorForm, ChallengeForm, CriterionForm, FaqEntryForm
from ..models import Challenge, Criterion, FaqEntry
from ..phases import current_phase, reached
from ..queries.manage import criterion_of, faq_entry_of, jury_overview, managed_calls, rubric_of
from ..services import calls
from ..services import jury as jury_services

EDIT_CRITERION = "punt"  # ?punt=<pk>: change this criterion
EDIT_FAQ = "vraag"  # ?vraag=<pk>: change this question
REMOVE_FIELD = "remove"  # a POST with remove=<pk> removes that criterion or question
MONEY_FAQ_FIELD = "add_money_faq"
ASSIGN_FIELD = "assign"


class ManagedChallengeMixin(PermissionRequiredMixin):
    permission_required = "challenge.manage_challenge"

    def get_permission_object(self):
        return managed_challenge_or_404(self.request.user, self.kwargs["slug"])

    @property
    def challenge(self) -> Challenge:
        return self.permission_object


class ChallengeListView(PermissionRequiredMixin, TemplateView):
    permission_required = "challenge.manage_challenge"
    template_name = "challenge/manage/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(calls=managed_calls(), **kwargs)


class ChallengeCreateView(PermissionRequiredMixin, FormView):
    permission_required = "challenge.manage_challenge"
    template_name = "challenge/manage/form.html"
    form_class = ChallengeForm

    def form_valid(self, form):
        try:
            challenge = calls.create_challenge(by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        calls.add_money_faq(challenge, by=self.request.user)
        messages.success(
            self.request,
            _("The call “%(title)s” is made, with the usual questions about money. Now write its rubric.")
            % {"title": challenge.title},
        )
        return redirect("challenge:manage_rubric", slug=challenge.slug)


class ChallengeUpdateView(ManagedChallengeMixin, FormView):
    template_name = "challenge/manage/form.html"
    form_class = ChallengeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Challenge.objects.get(pk=self.challenge.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(challenge=self.challenge, **kwargs)

    def form_valid(self, form):
        try:
            challenge = calls.update_challenge(self.challenge, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("The changes to “%(title)s” are saved.") % {"title": challenge.title}
        )
        return redirect("challenge:manage")


class RubricView(ManagedChallengeMixin, View):
    """The rubric, one criterion at a time: add one, or change the one chosen (?punt=<pk>)."""

    template_name = "challenge/manage/rubric.html"

    def render(self, form, status=200):
        locked = reached(self.challenge, timezone.now(), Phase.REVIEW)
        context = {
            "challenge": self.challenge,
            "criteria": rubric_of(self.challenge),
            "form": None if locked else form,
            "editing": form.instance.pk is not None,
            "edit_param": EDIT_CRITERION,
            "remove_field": REMOVE_FIELD,
            "locked": locked,
        }
        return render(self.request, self.template_name, context, status=status)

    def form_for(self, criterion: Criterion | None, data=None) -> CriterionForm:
        return CriterionForm(data, instance=criterion or Criterion(challenge=self.challenge))

    def get(self, request, *args, **kwargs):
        return self.render(self.form_for(criterion_of(self.challenge, request.GET.get(EDIT_CRITERION))))

    def post(self, request, *args, **kwargs):
        if REMOVE_FIELD in request.POST:
            criterion = criterion_of(self.challenge, request.POST[REMOVE_FIELD])
            try:
                calls.remove_criterion(criterion, by=request.user)
            except ChallengeError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, _("“%(name)s” is removed from the rubric.") % {"name": criterion.name}
                )
            return redirect("challenge:manage_rubric", slug=self.challenge.slug)
        criterion = criterion_of(self.challenge, request.POST.get(EDIT_CRITERION))
        form = self.form_for(criterion, request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            if criterion is None:
                saved = calls.add_criterion(
                    self.challenge, by=request.user, levels=form.levels(), **form.values()
                )
            else:
                saved = calls.update_criterion(
                    criterion, by=request.user, levels=form.levels(), **form.values()
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(form)
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.render(form)
        messages.success(request, _("“%(name)s” is saved in the rubric.") % {"name": saved.name})
        return redirect("challenge:manage_rubric", slug=self.challenge.slug)


class FaqView(ManagedChallengeMixin, View):
    """The questions and answers on the call page, one at a time (?vraag=<pk> to change one)."""

    template_name = "challenge/manage/faq.html"

    def render(self, form, status=200):
        context = {
            "challenge": self.challenge,
            "entries": list(self.challenge.faq_entries.all()),
            "form": form,
            "editing": form.instance.pk is not None,
            "edit_param": EDIT_FAQ,
            "remove_field": REMOVE_FIELD,
            "money_field": MONEY_FAQ_FIELD,
        }
        return render(self.request, self.template_name, context, status=status)

    def form_for(self, entry: FaqEntry | None, data=None) -> FaqEntryForm:
        return FaqEntryForm(data, instance=entry or FaqEntry(challenge=self.challenge))

    def get(self, request, *args, **kwargs):
        return self.render(self.form_for(faq_entry_of(self.challenge, request.GET.get(EDIT_FAQ))))

    def post(self, request, *args, **kwargs):
        if REMOVE_FIELD in request.POST:
            entry = faq_entry_of(self.challenge, request.POST[REMOVE_FIELD])
            calls.remove_faq_entry(entry, by=request.user)
            messages.success(
                request, _("The question “%(question)s” is removed.") % {"question": entry.question}
            )
            return redirect("challenge:manage_faq", slug=self.challenge.slug)
        if MONEY_FAQ_FIELD in request.POST:
            added = calls.add_money_faq(self.challenge, by=request.user)
            messages.success(
                request, _("%(count)s questions about money were added.") % {"count": len(added)}
            )
            return redirect("challenge:manage_faq", slug=self.challenge.slug)
        entry = faq_entry_of(self.challenge, request.POST.get(EDIT_FAQ))
        form = self.form_for(entry, request.POST)
        if not form.is_valid():
            return self.render(form)
        values = {"question": form.cleaned_data["question"], "answer": form.cleaned_data["answer"]}
        try:
            if entry is None:
                calls.add_faq_entry(self.challenge, by=request.user, **values)
            else:
                calls.update_faq_entry(entry, by=request.user, **values)
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(form)
        messages.success(request, _("The question is saved."))
        return redirect("challenge:manage_faq", slug=self.challenge.slug)


class JuryView(ManagedChallengeMixin, View):
    """The jury of a call: add a member, divide the proposals, see the loads and the declared conflicts."""

    permission_required = "challenge.manage_jury"
    template_name = "challenge/manage/jury.html"

    def render(self, form, status=200):
        context = {
            "challenge": self.challenge,
            "overview": jury_overview(self.challenge),
            "form": form,
            "can_assign": current_phase(self.challenge) == Phase.REVIEW,
            "assign_field": ASSIGN_FIELD,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, *args, **kwargs):
        return self.render(AddJurorForm(challenge=self.challenge))

    def post(self, request, *args, **kwargs):
        if ASSIGN_FIELD in request.POST:
            return self.assign(request)
        form = AddJurorForm(request.POST, challenge=self.challenge)
        if not form.is_valid():
            return self.render(form)
        user = form.cleaned_data["user"]
        try:
            jury_services.add_juror(self.challenge, user, by=request.user)
        except ChallengeError as error:
            form.add_error("user", error.message)
            return self.render(form)
        messages.success(request, _("%(name)s is in the jury now.") % {"name": user.name or user.email})
        return redirect("challenge:manage_jury", slug=self.challenge.slug)

    def assign(self, request):
        try:
            result = jury_services.assign_jurors(self.challenge, by=request.user)
        except ChallengeError as error:
            messages.error(request, error.message)
            return redirect("challenge:manage_jury", slug=self.challenge.slug)
        loads = sorted(set(result.loads.values()))
        text = _("The proposals are divided. Each jury member has %(loads)s proposals.") % {
            "loads": _(" or ").join(str(load) for load in loads) if loads else "0"
        }
        if result.short:
            text += " " + _(
                "%(count)s proposals have fewer jury members than asked, because of conflicts. "
                "Add a jury member and divide again."
            ) % {"count": len(result.short)}
            messages.warning(request, text)
        else:
            messages.success(request, text)
        return redirect("challenge:manage_jury", slug=self.challenge.slug)
