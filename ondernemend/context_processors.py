from django.conf import settings
from django.urls import translate_url


def site(request):
    """The language switch: the current page in every other language."""
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    alternates = [
        {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"language_alternates": alternates}
