package cn.talentportal.portal.audit.export;

import cn.talentportal.portal.audit.export.ReportDocument.Block;
import cn.talentportal.portal.audit.export.ReportDocument.Code;
import cn.talentportal.portal.audit.export.ReportDocument.Fact;
import cn.talentportal.portal.audit.export.ReportDocument.Facts;
import cn.talentportal.portal.audit.export.ReportDocument.Heading;
import cn.talentportal.portal.audit.export.ReportDocument.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.SAXParserFactory;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.configuration.DefaultConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;

/**
 * Lays a {@link ReportDocument} out as an A4 PDF with the Chinese font embedded (subset), through Apache FOP and the
 * Noto CJK fonts of the operating system (Debian: fonts-noto-cjk). Without them an export is refused with a message
 * saying what to install, not written with empty boxes for every Chinese character.
 */
@Component
public class PdfReports {

    private static final Logger log = LoggerFactory.getLogger(PdfReports.class);
    // Faces of Noto CJK's collections: 2 is Simplified Chinese, 7 its monospaced variant.
    private static final int SC = 2;
    private static final int MONO_SC = 7;

    private final Path fontDirectory;
    private final Path cacheDirectory;
    private volatile FopFactory factory;

    public PdfReports(@Value("${talent.export.font-directory:/usr/share/fonts/opentype/noto}") Path fontDirectory,
                      @Value("${talent.export.font-cache:${java.io.tmpdir}/talent-portal-fonts}") Path cacheDirectory) {
        this.fontDirectory = fontDirectory;
        this.cacheDirectory = cacheDirectory;
    }

    public byte[] render(ReportDocument document) {
        try {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            Fop fop = factory().newFop(MimeConstants.MIME_PDF, pdf);
            // a SAX parser, not an identity Transformer: FOP's event model reads XML while the transform runs
            SAXParserFactory parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.newSAXParser().parse(new InputSource(new StringReader(fo(document))), fop.getDefaultHandler());
            return pdf.toByteArray();
        } catch (ExportUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("PDF export failed", e);
        }
    }

    /** Built on the first export (the font faces are extracted then, ≈ 16 MB each, once per machine). */
    private FopFactory factory() throws Exception {
        FopFactory built = factory;
        if (built == null) {
            synchronized (this) {
                if (factory == null) {
                    factory = build();
                }
                built = factory;
            }
        }
        return built;
    }

    private FopFactory build() throws Exception {
        Path regular = fontDirectory.resolve("NotoSansCJK-Regular.ttc");
        Path bold = fontDirectory.resolve("NotoSansCJK-Bold.ttc");
        if (!Files.isReadable(regular)) {
            log.warn("No Noto CJK fonts at {}: PDF exports are off (install fonts-noto-cjk or set "
                    + "talent.export.font-directory)", fontDirectory);
            throw new ExportUnavailableException("export.fontsMissing", fontDirectory.toString());
        }
        Files.createDirectories(cacheDirectory);
        Path boldFace = Files.isReadable(bold) ? CjkFontFace.extracted(bold, SC, cacheDirectory) : null;
        String configuration = "<fop version='1.0'>"
                // without this FOP substitutes digits and some CJK characters by look-alikes in the text layer
                + "<complex-scripts disabled='true'/>"
                + "<renderers><renderer mime='application/pdf'><fonts>"
                + font(CjkFontFace.extracted(regular, SC, cacheDirectory), "NotoSC", "normal")
                + (boldFace == null ? "" : font(boldFace, "NotoSC", "bold"))
                + font(CjkFontFace.extracted(regular, MONO_SC, cacheDirectory), "NotoMonoSC", "normal")
                + "</fonts></renderer></renderers></fop>";
        var parsed = new DefaultConfigurationBuilder()
                .build(new ByteArrayInputStream(configuration.getBytes(StandardCharsets.UTF_8)));
        return new FopFactoryBuilder(cacheDirectory.toUri()).setConfiguration(parsed).build();
    }

    private static String font(Path file, String family, String weight) {
        return "<font embed-url='" + file.toUri() + "' embedding-mode='subset'><font-triplet name='" + family
                + "' style='normal' weight='" + weight + "'/></font>";
    }

    static String fo(ReportDocument document) {
        StringBuilder fo = new StringBuilder("""
                <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="NotoSC" font-size="9pt"
                         line-height="1.35">
                <fo:layout-master-set>
                  <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
                      margin-top="14mm" margin-bottom="12mm" margin-left="15mm" margin-right="15mm">
                    <fo:region-body margin-bottom="10mm"/><fo:region-after extent="8mm"/>
                  </fo:simple-page-master>
                </fo:layout-master-set>
                <fo:page-sequence master-reference="A4">
                <fo:static-content flow-name="xsl-region-after"><fo:block font-size="7.5pt" color="#555555">""");
        fo.append(escape(document.footer())).append(" · <fo:page-number/></fo:block></fo:static-content>")
                .append("<fo:flow flow-name=\"xsl-region-body\">")
                .append("<fo:block font-size=\"16pt\" font-weight=\"bold\" space-after=\"6pt\">")
                .append(escape(document.title())).append("</fo:block>");
        for (Block block : document.blocks()) {
            switch (block) {
                case Heading heading -> fo.append("<fo:block font-size=\"12pt\" font-weight=\"bold\" "
                        + "space-before=\"10pt\" space-after=\"4pt\" keep-with-next=\"always\">")
                        .append(escape(heading.text())).append("</fo:block>");
                case Facts facts -> facts(fo, facts.facts());
                case Table table -> table(fo, table);
                case Code code -> fo.append("<fo:block space-before=\"4pt\">").append(escape(code.label()))
                        .append("</fo:block><fo:block font-family=\"NotoMonoSC\" font-size=\"8pt\" "
                                + "wrap-option=\"wrap\" linefeed-treatment=\"preserve\">")
                        .append(escape(breakable(code.text()))).append("</fo:block>");
            }
        }
        return fo.append("</fo:flow></fo:page-sequence></fo:root>").toString();
    }

    private static void facts(StringBuilder fo, List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        fo.append("<fo:table table-layout=\"fixed\" width=\"100%\"><fo:table-column column-width=\"30%\"/>"
                + "<fo:table-column column-width=\"70%\"/><fo:table-body>");
        for (Fact fact : facts) {
            fo.append("<fo:table-row><fo:table-cell padding=\"1pt\"><fo:block color=\"#444444\">")
                    .append(escape(fact.label())).append("</fo:block></fo:table-cell>")
                    .append("<fo:table-cell padding=\"1pt\"><fo:block>").append(escape(breakable(fact.value())))
                    .append("</fo:block></fo:table-cell></fo:table-row>");
        }
        fo.append("</fo:table-body></fo:table>");
    }

    private static void table(StringBuilder fo, Table table) {
        fo.append("<fo:table table-layout=\"fixed\" width=\"100%\" border-collapse=\"collapse\">");
        for (int width : table.widths()) {
            fo.append("<fo:table-column column-width=\"").append(width).append("%\"/>");
        }
        fo.append("<fo:table-header font-weight=\"bold\" background-color=\"#eeeeee\"><fo:table-row>");
        for (String header : table.headers()) {
            cell(fo, header);
        }
        fo.append("</fo:table-row></fo:table-header><fo:table-body>");
        if (table.rows().isEmpty()) {
            fo.append("<fo:table-row>");
            for (int i = 0; i < table.headers().size(); i++) {
                cell(fo, "");
            }
            fo.append("</fo:table-row>");
        }
        for (List<String> row : table.rows()) {
            fo.append("<fo:table-row keep-together.within-page=\"always\">");
            for (String value : row) {
                cell(fo, value);
            }
            fo.append("</fo:table-row>");
        }
        fo.append("</fo:table-body></fo:table>");
    }

    private static void cell(StringBuilder fo, String text) {
        fo.append("<fo:table-cell border=\"0.4pt solid #999999\" padding=\"1.5pt\"><fo:block font-size=\"8pt\">")
                .append(escape(breakable(text))).append("</fo:block></fo:table-cell>");
    }

    /** Long unbroken values (ids, hashes) may wrap anywhere rather than run off the page. */
    private static String breakable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            run = Character.isWhitespace(c) ? 0 : run + 1;
            if (run >= 16 && c < 0x2E80) { // Latin runs only; CJK text breaks between characters anyway
                out.append('\u200B');
                run = 0;
            }
        }
        return out.toString();
    }

    /** XML text: escapes markup and drops control characters XML 1.0 cannot carry (user text may hold them). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
