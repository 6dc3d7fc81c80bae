package org.fusioncell.screening.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One small XML element read whole from a stream (a UN INDIVIDUAL or ENTITY), so that mapping it
 * reads like the list's own documentation rather than like a state machine.
 *
 * @param text the element's own text, stripped ("" when none)
 * @param line the line the element starts on, for error messages
 */
record XmlRecord(String name, String text, List<XmlRecord> children, int line) {

    /** Reads the element the reader is positioned on (a START_ELEMENT) up to its end. */
    static XmlRecord read(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        int line = reader.getLocation().getLineNumber();
        StringBuilder text = new StringBuilder();
        List<XmlRecord> children = new ArrayList<>();
        while (true) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity reference &" + reader.getLocalName() + "; refused: the list format uses none",
                        reader.getLocation());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlRecord(name, text.toString().strip(), List.copyOf(children), line);
                }
                default -> {
                    // comments and processing instructions carry nothing for us
                }
            }
        }
    }

    /** The stripped text of the first child of that name, empty when absent or blank. */
    Optional<String> text(String child) {
        return children.stream().filter(c -> c.name.equals(child)).map(XmlRecord::text)
                .filter(t -> !t.isEmpty()).findFirst();
    }

    List<XmlRecord> all(String child) {
        return children.stream().filter(c -> c.name.equals(child)).toList();
    }
}
