"""Seeing a resident's name and phone in full: allowed for the request's own people, with a reason, and recorded.

Lists and details always mask personal data. A grid worker who must call the resident back, or the unit handling
the request, asks for the full contact; the reason and who asked go into the audit trail, which nobody can edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from models.access import audit
from models.core.errors import UserError
from models.core.vocabulary import AuditAction
from models.people.permissions import Actor, PermissionDenied, reaches_request
from models.requests.workflow import get_request


@dataclass(frozen=True)
class Contact:
    ref: str
    name: str
    phone: str


def reveal_contact(session: Session, request_id: int, actor: Actor, reason: str) -> Contact:
    request = get_request(session, request_id)
    if not reason.strip():
        raise UserError("查看居民联系方式必须写明用途")
    if not reaches_request(actor, request):
        raise PermissionDenied(f"{request.ref} 不在您的工作范围内，不能查看居民联系方式")
    audit.record(session, actor, AuditAction.REVEAL_PERSONAL_DATA, request=request.ref, reason=reason.strip())
    return Contact(request.ref, request.resident_name or "", request.resident_phone or "")
