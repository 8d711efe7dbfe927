/**
 * Files people take away from Ombud (ANALYTICS.md §3): Excel workbooks of tables (FastExcel),
 * PDFs from XHTML set in a Chinese TrueType font (openhtmltopdf), and bar charts drawn as images
 * for those PDFs (JFreeChart). One {@link Table} feeds an Excel sheet and a PDF table alike, so
 * the two never disagree.
 */
@org.springframework.modulith.NamedInterface("export")
package app.ombud.platform.export;
