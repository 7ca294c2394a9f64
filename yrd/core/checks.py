"""Start-up checks: every module's manifest is valid before the first request is served."""

from django.core.checks import Error, register

from yrd.core.registry import registry


@register()
def manifests_are_valid(app_configs, **kwargs):
    return [Error(problem, id="yrd.E001") for problem in registry.problems()]
