package eu.skillsobservatory.api.report;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import eu.skillsobservatory.analytics.report.SectorReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The sector report as PDF: the same HTML file, laid out by openhtmltopdf (PDFBox) with its SVG
 * charts drawn by Batik. The file names no external resource; the renderer is told to fetch none
 * whatever it holds.
 */
public final class SectorReportPdf {
  static {
    // The renderer's own progress lines are noise on a command line and in a server log.
    XRLog.setLoggingEnabled(false);
  }

  private SectorReportPdf() {}

  public static void write(SectorReport.Report r, OutputStream out) {
    try {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.useSVGDrawer(new BatikSVGDrawer());
      b.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      b.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      b.withHtmlContent(SectorReportHtml.render(r), null);
      b.withProducer("Skills Observatory");
      b.toStream(out);
      b.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the PDF could not be written: " + e.getMessage(), e);
    }
  }
}
