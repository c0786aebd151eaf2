"""Which audit targets are personal data, so that their entries keep the names of changed fields only.

The audit log is read by coördinators; it must never hold a participant's personal data. The base imports no
app, so an app declares its personal models itself, in its `AppConfig.ready()`:

    from ondernemend.audit.masking import register_personal_app
    register_personal_app("workshops", except_models=["series", "session"])

A whole app is registered, minus the models known to hold no personal data: a model added to the app later
is masked until someone decides otherwise, so forgetting the decision never leaks a value.
"""

from django.db.models import Model

_personal_apps: dict[str, frozenset[str]] = {}


def register_personal_app(app_label: str, *, except_models: list[str] | tuple[str, ...] = ()) -> None:
    """Mask the values in audit entries about every model of `app_label` except `except_models`.

    Model names are lower case, as in `Model._meta.model_name`. Registering again replaces the exceptions.
    """
    _personal_apps[app_label] = frozenset(name.lower() for name in except_models)


def is_personal(target: Model | type[Model]) -> bool:
    """Whether audit entries about `target` (an instance or a model class) may hold field names only."""
    opts = target._meta
    public_models = _personal_apps.get(opts.app_label)
    return public_models is not None and opts.model_name not in public_models
