package cn.talentportal.portal.audit.export;

import cn.talentportal.portal.audit.export.ReportDocument.Code;
import cn.talentportal.portal.audit.export.ReportDocument.Fact;
import cn.talentportal.portal.audit.export.ReportDocument.Facts;
import cn.talentportal.portal.audit.export.ReportDocument.Heading;
import cn.talentportal.portal.audit.export.ReportDocument.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real PDFs read back with poppler (installed by .ci/run): the Chinese face is embedded as a subset and the text
 * layer gives back exactly what was written, so a PDF's reader can search and copy it.
 */
class PdfReportsTest {

    @TempDir Path fontCache;
    @TempDir Path out;

    @Test
    void a_report_in_chinese_embeds_its_font_and_keeps_its_text() throws Exception {
        PdfReports reports = new PdfReports(Path.of("/usr/share/fonts/opentype/noto"), fontCache);
        ReportDocument document = new ReportDocument("候选人历史记录：周雨桐", "导出人 审计员李 · 2026-11-21", List.of(
                new Heading("截至 2026年11月21日 的状态"),
                new Facts(List.of(new Fact("姓名", "周雨桐"), new Fact("应聘岗位", "青山镇卫生院招聘护士 <急需> & 紧缺"))),
                new Table(List.of("时间", "事件", "操作人", "原因"), List.of(25, 25, 20, 30), List.of(
                        List.of("2026-11-21 09:30", "投递申请", "周雨桐", ""),
                        List.of("2026-11-21 10:02", "筛选通过", "陈护士长", "护理专业对口\u0007"))),
                new Code("链头哈希", "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")));

        Path pdf = out.resolve("report.pdf");
        Files.write(pdf, reports.render(document));

        assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        String fonts = run("pdffonts", pdf.toString());
        assertThat(fonts).contains("NotoSansCJK").containsPattern("CID Type 0C\\s+Identity-H\\s+yes yes");
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("候选人历史记录：周雨桐", "青山镇卫生院招聘护士 <急需> & 紧缺", "筛选通过", "护理专业对口")
                .contains("3f79bb7b435b0532");
        assertThat(Files.size(pdf)).as("a subset, not the 16 MB face").isLessThan(300_000);
    }

    @Test
    void without_the_fonts_an_export_is_refused_with_a_reason() {
        PdfReports reports = new PdfReports(out.resolve("no-fonts"), fontCache);
        assertThatThrownBy(() -> reports.render(new ReportDocument("标题", "页脚", List.of())))
                .isInstanceOfSatisfying(ExportUnavailableException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("export.fontsMissing"));
    }

    @Test
    void csv_neutralises_formulas_and_starts_with_a_byte_order_mark() {
        String csv = new String(CsvReports.write(List.of("事件", "原因"),
                List.of(List.of("筛选通过", "=HYPERLINK(\"http://x\")"), List.of("投递, 申请", "多行\n原因"))),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF事件,原因\r\n")
                .contains("筛选通过,\"'=HYPERLINK(\"\"http://x\"\")\"")
                .contains("\"投递, 申请\",\"多行\n原因\"");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
