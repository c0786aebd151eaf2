"""Ondersteuning op maat: initiatives on the map that fit a participant's intake answers.

`score_initiative` is pure (it gets plain codes); `suggest_initiatives` fetches the published initiatives
once, with their facets prefetched, and ranks them. Same district first, then the best fit.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from initiatives.enums import Offer, TrustSignal
from initiatives.queries.public import published_initiatives
from ondernemend.languages import Language

from .enums import DigitalSkills, DutchLevel, IdeaStage, PracticalNeed, ReferralWish

# What each referral wish asks for on the map.
OFFERS_FOR_WISH = {
    ReferralWish.MICROCREDIT: {Offer.GELD},
    ReferralWish.DEBT_HELP: {Offer.ADMINISTRATIE},
    ReferralWish.LANGUAGE_COURSE: {Offer.TAALHULP},
    ReferralWish.KVK: {Offer.ADMINISTRATIE, Offer.BEGELEIDING},
}
OFFERS_FOR_IDEA_STAGE = {
    IdeaStage.NONE: {Offer.WORKSHOP, Offer.NETWERK},
    IdeaStage.VAGUE: {Offer.WORKSHOP, Offer.BEGELEIDING},
    IdeaStage.CONCRETE: {Offer.BEGELEIDING, Offer.WERKPLEK},
    IdeaStage.SELLING: {Offer.VERKOOPRUIMTE, Offer.NETWERK},
}
WISH_WEIGHT = 3
LANGUAGE_WEIGHT = 2
OTHER_WEIGHT = 1
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Answers:
    """The intake answers that matter for suggestions, as plain codes."""

    idea_stage: str = ""
    dutch_level: str = ""
    digital_skills: str = ""
    practical_needs: frozenset = frozenset()
    referral_wishes: frozenset = frozenset()
    language: str = Language.NL  # the participant's preferred language
    district_id: int | None = None


@dataclass(frozen=True)
class Candidate:
    offers: frozenset
    languages: frozenset
    trust_signals: frozenset
    district_id: int | None


@dataclass
class Suggestion:
    initiative: object
    score: int
    same_district: bool
    reasons: list = field(default_factory=list)


def score_initiative(answers: Answers, candidate: Candidate) -> tuple[int, list]:
    """How well a place fits the answers, and why (short reasons the coach can read out)."""
    score = 0
    reasons = []
    for wish in sorted(answers.referral_wishes):
        if OFFERS_FOR_WISH.get(wish, set()) & candidate.offers:
            score += WISH_WEIGHT
            reasons.append(ReferralWish(wish).label)
    wants_language_help = (
        answers.dutch_level == DutchLevel.A_LITTLE
        and ReferralWish.LANGUAGE_COURSE not in answers.referral_wishes
    )
    if wants_language_help and Offer.TAALHULP in candidate.offers:
        score += WISH_WEIGHT
        reasons.append(Offer.TAALHULP.label)
    speaks_own_language = answers.language != Language.NL and answers.language in candidate.languages
    if speaks_own_language and (
        answers.dutch_level == DutchLevel.A_LITTLE or PracticalNeed.INTERPRETER in answers.practical_needs
    ):
        score += LANGUAGE_WEIGHT
        reasons.append(_("Speaks %(language)s") % {"language": Language(answers.language).label})
    if answers.digital_skills == DigitalSkills.LITTLE and Offer.BEGELEIDING in candidate.offers:
        score += OTHER_WEIGHT
        reasons.append(Offer.BEGELEIDING.label)
    if OFFERS_FOR_IDEA_STAGE.get(answers.idea_stage, set()) & candidate.offers:
        score += OTHER_WEIGHT
        reasons.append(_("Fits the stage of the idea"))
    if (
        PracticalNeed.ACCESSIBILITY in answers.practical_needs
        and TrustSignal.ROLSTOEL in candidate.trust_signals
    ):
        score += OTHER_WEIGHT
        reasons.append(TrustSignal.ROLSTOEL.label)
    return score, reasons


def rank(answers: Answers, initiatives: Iterable, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Places with a fit only; the same district first, then the highest score, then by name."""
    suggestions = []
    for initiative in initiatives:
        candidate = Candidate(
            offers=frozenset(facet.code for facet in initiative.offers.all()),
            languages=frozenset(facet.code for facet in initiative.languages.all()),
            trust_signals=frozenset(facet.code for facet in initiative.trust_signals.all()),
            district_id=initiative.district_id,
        )
        score, reasons = score_initiative(answers, candidate)
        if score > 0:
            same_district = answers.district_id is not None and candidate.district_id == answers.district_id
            suggestions.append(Suggestion(initiative, score, same_district, reasons))
    suggestions.sort(key=lambda s: (not s.same_district, -s.score, s.initiative.name.lower()))
    return suggestions[:limit]


def answers_from_intake(intake, participant) -> Answers:
    return Answers(
        idea_stage=intake.idea_stage,
        dutch_level=intake.dutch_level,
        digital_skills=intake.digital_skills,
        practical_needs=frozenset(intake.practical_needs or []),
        referral_wishes=frozenset(intake.referral_wishes or []),
        language=participant.preferred_language,
        district_id=participant.district_id,
    )


def suggest_initiatives(intake, participant, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    initiatives = (
        published_initiatives()
        .select_related("district")
        .prefetch_related("offers", "languages", "trust_signals")
    )
    return rank(answers_from_intake(intake, participant), initiatives, limit=limit)
