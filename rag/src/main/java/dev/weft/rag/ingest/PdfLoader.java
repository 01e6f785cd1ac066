package dev.weft.rag.ingest;

import dev.weft.core.retrieval.Metadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** {@link DocumentLoader#pdf()}: one document per file, pages joined by a blank line, their starts recorded. */
final class PdfLoader implements DocumentLoader {
    static final String PAGE_SEPARATOR = "\n\n";

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("pdf");
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/pdf");
    }

    @Override
    public Document load(RawDocument raw) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(raw.bytesNoCopy())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            StringBuilder text = new StringBuilder();
            List<Integer> pageStarts = new ArrayList<>();
            int pages = pdf.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (page > 1) {
                    text.append(PAGE_SEPARATOR);
                }
                pageStarts.add(text.length());
                text.append(TextDecoding.unifyLineBreaks(stripper.getText(pdf)).strip());
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put(Metadata.SOURCE, raw.location());
            metadata.put(Document.FORMAT, format());
            String title = pdf.getDocumentInformation().getTitle();
            if (title != null && !title.isBlank()) {
                metadata.put(Metadata.TITLE, title.strip());
            }
            return new Document(raw.id(), text.toString(), Metadata.of(metadata), pageStarts, raw.contentHash());
        }
    }
}
