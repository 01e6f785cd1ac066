package dev.weft.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event-stream framing as the HTML standard defines it. */
class ServerSentEventsTest {

    private static List<ServerSentEvents.Event> events(String text) throws IOException {
        ServerSentEvents sse = new ServerSentEvents(new BufferedReader(new StringReader(text)));
        List<ServerSentEvents.Event> out = new ArrayList<>();
        for (ServerSentEvents.Event e; (e = sse.next()) != null; ) {
            out.add(e);
        }
        return out;
    }

    @Test
    void linesEndInLfCrLfOrCrAndBlankLinesDispatch() throws IOException {
        assertThat(events("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: [DONE]\n\n")).extracting(ServerSentEvents.Event::data)
                .containsExactly("a", "b", "c", "[DONE]");
    }

    @Test
    void dataLinesJoinAndOnlyOneLeadingSpaceIsDropped() throws IOException {
        assertThat(events("data:x\ndata:  y\ndata\n\n")).extracting(ServerSentEvents.Event::data).containsExactly("x\n y\n");
    }

    @Test
    void commentsIdsRetriesAndEmptyEventsAreSkippedAndTypesKept() throws IOException {
        List<ServerSentEvents.Event> events = events(": keep-alive\n\nid: 7\nretry: 100\n\nevent: error\ndata: {}\n\ndata: z\n\n");

        assertThat(events).containsExactly(new ServerSentEvents.Event("error", "{}"), new ServerSentEvents.Event("message", "z"));
    }

    @Test
    void anEventCutOffByTheEndIsNotDispatchedButKept() throws IOException {
        ServerSentEvents sse = new ServerSentEvents(new BufferedReader(new StringReader("data: a\n\ndata: {\"cut")));

        assertThat(sse.next().data()).isEqualTo("a");
        assertThat(sse.next()).isNull();
        assertThat(sse.partial()).isEqualTo("{\"cut");
    }
}
