/**
 * Bridges between Weft and LangChain4j, both ways: LangChain4j chat, streaming and embedding models as Weft models
 * (so every provider LangChain4j supports plugs into Weft pipelines), LangChain4j embedding stores as Weft vector
 * stores, and Weft's embedding models, retrievers and stores as LangChain4j components.
 */
// LangChain4j 1.19 ships neither module descriptors nor an Automatic-Module-Name: its module name comes from the
// jar's file name (langchain4j-core-1.19.0.jar -> langchain4j.core).
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.weft.langchain4j {
    requires transitive dev.weft.core;
    requires transitive langchain4j.core;
    requires java.net.http; // to recognise its timeout among the errors of HTTP-based providers
    requires org.slf4j;

    exports dev.weft.langchain4j;
}
