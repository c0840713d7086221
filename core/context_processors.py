from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info


def _url_in(path: str, code: str) -> str:
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        # On a 404 there is no "same page" in another language: offer the home page.
        with translation.override(code):
            return reverse("guide:home")
    return translate_url(path, code)


def site(request):
    """The language switcher: the current page's URL in every language."""
    current = get_language()
    path = request.get_full_path()
    switcher = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        switcher.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": _url_in(path, code),
                "current": code == current,
            }
        )
    return {"language_switcher": switcher}
