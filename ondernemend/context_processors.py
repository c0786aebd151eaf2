from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


def _url_in_language(path: str, language: str) -> str:
    """The same page in another language, or the home page in that language when nothing matches (a 404)."""
    translated = translate_url(path, language)
    if translated != path:
        return translated
    with translation.override(language):
        return reverse("pages:home")


def site(request):
    """The language switch: the current page in every other language."""
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    path = request.get_full_path()
    alternates = [
        {"code": code, "name": name, "url": _url_in_language(path, code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"language_alternates": alternates}
