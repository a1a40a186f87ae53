"""Public, read-only pages."""

from django.shortcuts import get_object_or_404, render

from .models import Determination


def search(request):
    """List the ingested letters, newest first."""
    letters = Determination.objects.select_related("reviewer").order_by("-decision_date", "case_number")[:200]
    return render(request, "determinations/list.html", {"letters": letters})


def letter(request, citation_id: str):
    """One letter, every section and every item."""
    if citation_id.startswith("sha-"):
        determination = get_object_or_404(Determination, sha256__startswith=citation_id[4:])
    else:
        determination = get_object_or_404(Determination, case_number=citation_id)
    return render(request, "determinations/letter.html", {"determination": determination})
