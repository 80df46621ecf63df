"""Reports of monitoring: the triwulan report and the LKjIP (page, PDF, DOCX, XLSX)."""

urlpatterns: list = []
