"""The one permission mixin every view uses: object permissions from each app's `rules.py`.

Anonymous visitors without the permission are sent to the log-in page (and come back afterwards); logged-in
users without it get the 403 page. A view that checks a permission on an object overrides
`get_permission_object`; the object is then kept as `self.permission_object`, so the view need not fetch it
twice. Without `get_permission_object` or `get_object`, the permission is checked without an object.
"""

from rules.contrib.views import PermissionRequiredMixin as RulesPermissionRequiredMixin


class PermissionRequiredMixin(RulesPermissionRequiredMixin):
    raise_exception = False  # anonymous: to the log-in page; logged in without permission: 403
    permission_object = None

    def has_permission(self):
        self.permission_object = self.get_permission_object()
        return self.request.user.has_perms(self.get_permission_required(), self.permission_object)
