from django.urls import path

from .views import apply, deliberation, jury, manage, public

app_name = "challenge"

urlpatterns = [
    path("challenge/", public.ChallengeIndexView.as_view(), name="index"),
    # The coördinator's management (views/manage.py); "challenge-beheer/" keeps clear of the calls' slugs.
    path("challenge-beheer/", manage.ChallengeListView.as_view(), name="manage"),
    path("challenge-beheer/nieuw/", manage.ChallengeCreateView.as_view(), name="manage_create"),
    # Not "challenge-beheer/<slug>/": a call with the slug "nieuw" would then be the create page.
    path(
        "challenge-beheer/<slug:slug>/instellingen/", manage.ChallengeUpdateView.as_view(), name="manage_edit"
    ),
    path("challenge-beheer/<slug:slug>/beoordeling/", manage.RubricView.as_view(), name="manage_rubric"),
    path("challenge-beheer/<slug:slug>/vragen/", manage.FaqView.as_view(), name="manage_faq"),
    path("challenge-beheer/<slug:slug>/jury/", manage.JuryView.as_view(), name="manage_jury"),
    path("challenge/<slug:slug>/beraad/", deliberation.DeliberationView.as_view(), name="deliberation"),
    path("challenge/<slug:slug>/beraad/<int:pk>/besluit/", deliberation.DecideView.as_view(), name="decide"),
    path("challenge/<slug:slug>/beraad/publiceren/", deliberation.PublishView.as_view(), name="publish"),
    # The jury member's pages (views/jury.py); "challenge-jury/" keeps clear of the calls' slugs.
    path("challenge-jury/", jury.JuryHomeView.as_view(), name="jury_home"),
    path("challenge/<slug:slug>/jury/", jury.JuryWorkView.as_view(), name="jury_work"),
    path(
        "challenge/<slug:slug>/jury/belangenverstrengeling/<int:pk>/",
        jury.DeclareConflictView.as_view(),
        name="declare_conflict",
    ),
    path("challenge-jury/voorstel/<int:pk>/", jury.ReviewView.as_view(), name="review"),
    path("challenge-jury/voorstel/<int:pk>/vraag/", jury.AskQuestionView.as_view(), name="ask_question"),
    path(
        "challenge-jury/voorstel/<int:pk>/bijlage/<int:attachment>/",
        jury.AttachmentView.as_view(),
        name="review_attachment",
    ),
    # Public pages of one call (views/public.py): after the more specific "challenge/<slug>/…" paths above.
    path("challenge/<slug:slug>/", public.ChallengeDetailView.as_view(), name="detail"),
    path("challenge/<slug:slug>/uitslag/", public.ChallengeResultsView.as_view(), name="results"),
    # The applicant's pages (views/apply.py); "challenge-voorstellen/" keeps clear of the calls' slugs.
    path("challenge/<slug:slug>/voorstel/nieuw/", apply.ProposalCreateView.as_view(), name="proposal_create"),
    path("challenge-voorstellen/", apply.MyProposalsView.as_view(), name="my_proposals"),
    path("challenge-voorstellen/<int:pk>/", apply.ProposalView.as_view(), name="proposal"),
    path("challenge-voorstellen/<int:pk>/bewerken/", apply.ProposalEditView.as_view(), name="proposal_edit"),
    path(
        "challenge-voorstellen/<int:pk>/bijlagen/",
        apply.AttachmentsView.as_view(),
        name="proposal_attachments",
    ),
    path(
        "challenge-voorstellen/<int:pk>/bijlagen/<int:attachment_pk>/verwijderen/",
        apply.AttachmentRemoveView.as_view(),
        name="proposal_attachment_remove",
    ),
    path(
        "challenge-voorstellen/<int:pk>/indienen/", apply.ProposalSubmitView.as_view(), name="proposal_submit"
    ),
    path(
        "challenge-voorstellen/<int:pk>/intrekken/",
        apply.ProposalWithdrawView.as_view(),
        name="proposal_withdraw",
    ),
    path(
        "challenge-voorstellen/<int:pk>/vragen/<int:question_pk>/",
        apply.AnswerQuestionView.as_view(),
        name="proposal_answer",
    ),
    path("challenge-voorstellen/<int:pk>/feedback/", apply.FeedbackView.as_view(), name="proposal_feedback"),
]
