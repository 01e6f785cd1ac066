package dev.weft.rag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The committed text fixtures under {@code src/test/resources/ingest/corpus}, and PDFs made with PDFBox on the spot. */
final class Fixtures {
    static final List<String> CORPUS = List.of("drafts/unfinished.md", "guides/bread.md", "guides/lighthouse.md",
            "notes.txt", "orchard.html", "recipes.docx");

    private Fixtures() {}

    /** A copy of the corpus under {@code directory}, which tests may then change. */
    static Path copyCorpus(Path directory) {
        for (String name : CORPUS) {
            Path target = directory.resolve(name);
            try (InputStream in = Fixtures.class.getResourceAsStream("/ingest/corpus/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource ingest/corpus/" + name);
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ingest/corpus/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a PDF with one page per element of {@code pages}, each a list of lines, in Helvetica. */
    static Path pdf(Path file, String title, List<List<String>> pages) {
        try (PDDocument pdf = new PDDocument()) {
            if (title != null) {
                pdf.getDocumentInformation().setTitle(title);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.setLeading(16);
                    content.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            pdf.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
