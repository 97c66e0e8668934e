"""The REST API under /api: one router per concern, assembled here."""

from fastapi import APIRouter

from pestle.web.api import cases, demand, documents, files, judgments, reports

router = APIRouter(prefix="/api")
for _module in (cases, demand, judgments, files, documents, reports):
    router.include_router(_module.router)

__all__ = ["router"]
