"""pestle.web: the dashboard and REST API of a case (`pestle serve`).

    create_app(case=None, *, token=None, store=None, max_upload_bytes=10 MB,
               allowed_hosts=loopback names) -> FastAPI

Presentation only: every number comes from an analysis module and is formatted by
`pestle.present.format`; charts are `pestle.present.charts` specs.
"""

from pestle.web.app import create_app

__all__ = ["create_app"]
