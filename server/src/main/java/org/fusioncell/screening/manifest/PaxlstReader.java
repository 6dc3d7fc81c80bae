package org.fusioncell.screening.manifest;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads UN/EDIFACT PAXLST interchanges (advance passenger information) into {@link Manifest}s, one per
 * message (UNH … UNT), in file order. StAEDI does the EDIFACT work: UNA service characters, release
 * characters, segment positions and the envelope's control counts and references.
 *
 * <p>Carriers' files often get the envelope's control totals wrong (three of the five GTAS samples
 * declare a UNT segment count that is not the message's). A {@link #strict()} reader refuses such an
 * interchange; a {@link #tolerant()} reader reads it and lists each disagreement as an
 * {@link Irregularity} on the manifests, so screening still happens and the analyst sees what was off.
 * Text after the last UNZ is treated the same way. Everything else — an unreadable date, a traveller
 * without a name, a truncated interchange, a message that is not PAXLST — is refused by both with a
 * {@link ManifestFormatException} naming the segment; nothing of a refused interchange is returned.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PaxlstReader {

    private final boolean tolerateControlErrors;

    private PaxlstReader(boolean tolerateControlErrors) {
        this.tolerateControlErrors = tolerateControlErrors;
    }

    /** Refuses an interchange whose control counts or references disagree with its content. */
    public static PaxlstReader strict() {
        return new PaxlstReader(false);
    }

    /** Reads an interchange whose control counts or references disagree, listing each as an irregularity. */
    public static PaxlstReader tolerant() {
        return new PaxlstReader(true);
    }

    /** Reads every message of the stream; the stream is read to its end but not closed. */
    public List<Manifest> read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /**
     * Reads every PAXLST message of the interchange(s) in the bytes.
     *
     * @throws ManifestFormatException when the input is not a readable PAXLST interchange
     */
    public List<Manifest> read(byte[] bytes) {
        EdifactText.Decoded decoded = EdifactText.decode(bytes);
        EdifactText.Normalised normalised = EdifactText.normalise(decoded.text());
        String text = normalised.text();
        if (text.isBlank()) {
            throw new ManifestFormatException(0, "", "empty input: no EDIFACT interchange");
        }
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // real files use code values and date lengths the control schema does not list (ZZ, YYMMDD in
        // syntax 4); only the counts and references of the envelope matter here
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        Interchange interchange = new Interchange(decoded, normalised.unterminated());
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "UTF-8")) {
            interchange.consume(reader);
        } catch (ManifestFormatException e) {
            throw e;
        } catch (EDIStreamException | IOException | RuntimeException e) {
            // StAEDI reports tokenizer failures as EDIStreamException and a few as runtime exceptions
            interchange.unreadable(e);
        }
        return interchange.manifests();
    }

    /** The reading state of one call: envelope positions, counts, and the messages read so far. */
    private final class Interchange {
        private final EdifactText.Decoded decoded;
        private final int unterminated;
        /** Irregularities of envelopes (UNB/UNG/UNE/UNZ) and of the input, by interchange; 0 for all. */
        private final List<EnvelopeNote> envelopeIrregularities = new ArrayList<>();
        private final List<MessageRead> messages = new ArrayList<>();
        private int interchanges;
        private final List<EDIStreamValidationError> segmentErrors = new ArrayList<>();
        private List<Segment> messageSegments;
        private List<List<String>> elements;
        private int position;
        private String tag = "";
        private boolean insideInterchange;
        private boolean sawInterchange;
        private String interchangeReference = "";
        private String groupReference = "";
        private int groups;
        private int messagesInInterchange;
        private int messagesInGroup;
        private LocalDate referenceDay = LocalDate.now();
        private boolean encodingNoted;

        Interchange(EdifactText.Decoded decoded, int unterminated) {
            this.decoded = decoded;
            this.unterminated = unterminated;
        }

        void consume(EDIStreamReader reader) throws EDIStreamException {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                Location location = reader.getLocation();
                switch (event) {
                    case START_INTERCHANGE -> {
                        insideInterchange = true;
                        sawInterchange = true;
                    }
                    case END_INTERCHANGE -> insideInterchange = false;
                    case START_SEGMENT -> {
                        position = location.getSegmentPosition();
                        tag = reader.getText();
                        elements = new ArrayList<>();
                        segmentErrors.clear();
                    }
                    case ELEMENT_DATA -> data(location, reader.getText(), reader.getDelimiters());
                    case END_SEGMENT -> segment(new Segment(position, tag, elements));
                    case SEGMENT_ERROR -> throw new ManifestFormatException(location.getSegmentPosition(),
                            location.getSegmentTag(), structureError(reader.getErrorType(), reader.getText()));
                    case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> segmentErrors.add(reader.getErrorType());
                    default -> {
                        // loops, composites and group/transaction boundaries are followed through segments
                    }
                }
            }
            if (messageSegments != null || insideInterchange) {
                throw new ManifestFormatException(position, tag, "the input ends here, without "
                        + (messageSegments != null ? "UNT" : "UNZ") + ": the interchange is truncated");
            }
            if (!sawInterchange) {
                throw new ManifestFormatException(0, "", "no EDIFACT interchange (UNB) in the input");
            }
            trailingText(null);
        }

        /**
         * Text after the last UNZ: StAEDI stops on some (a date someone appended) and passes over a
         * short remainder silently, so the rest of the text is looked at here.
         */
        private void trailingText(Exception cause) {
            if (cause == null && unterminated == 0) {
                return;
            }
            String reason = (unterminated > 0 ? unterminated + " characters of " : "")
                    + "text after the end of the interchange";
            if (!tolerateControlErrors) {
                throw new ManifestFormatException(position, tag, reason, cause);
            }
            noteEnvelope(new Irregularity(position, tag, reason + " ignored"));
        }

        private void data(Location location, String value, Map<String, Character> delimiters) {
            int element = location.getElementPosition();
            int component = Math.max(1, location.getComponentPosition());
            while (elements.size() < element) {
                elements.add(new ArrayList<>());
            }
            List<String> components = elements.get(element - 1);
            if (location.getElementOccurrence() > 1 && !components.isEmpty()) {
                // PAXLST's segments have no repeating elements: a repetition separator in the data was
                // meant as text, so the repetition is put back as written
                char separator = component == 1
                        ? delimiters.get(EDIStreamConstants.Delimiters.REPETITION)
                        : delimiters.get(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT);
                components.set(components.size() - 1, components.getLast() + separator + value);
                return;
            }
            while (components.size() < component) {
                components.add("");
            }
            components.set(component - 1, value);
        }

        private void segment(Segment segment) {
            noteGuessedEncoding(segment);
            switch (segment.tag()) {
                case "UNB" -> {
                    interchanges++;
                    interchangeReference = segment.value(5);
                    referenceDay = ShortDates.interchangeDay(segment.value(4, 1));
                    groups = 0;
                    messagesInInterchange = 0;
                }
                case "UNG" -> {
                    groupReference = segment.value(5);
                    groups++;
                    messagesInGroup = 0;
                }
                case "UNH" -> {
                    requirePaxlst(segment);
                    messageSegments = new ArrayList<>();
                    messagesInInterchange++;
                    messagesInGroup++;
                }
                case "UNT" -> {
                    if (messageSegments == null) {
                        throw segment.refuse("message trailer without a message header (UNH)");
                    }
                    messageSegments.add(segment);
                    Segment header = messageSegments.getFirst();
                    List<Irregularity> irregularities = new ArrayList<>();
                    control(segment, "message", header.value(1), segment.value(2),
                            segment.position() - header.position() + 1, "segments", irregularities::add);
                    messages.add(new MessageRead(interchanges,
                            PaxlstMessage.read(messageSegments, referenceDay, irregularities)));
                    messageSegments = null;
                    return;
                }
                case "UNE" -> control(segment, "group", groupReference, segment.value(2), messagesInGroup,
                        "messages", this::noteEnvelope);
                case "UNZ" -> control(segment, "interchange", interchangeReference, segment.value(2),
                        groups > 0 ? groups : messagesInInterchange, groups > 0 ? "groups" : "messages",
                        this::noteEnvelope);
                default -> {
                    // body segments are read by PaxlstMessage
                }
            }
            if (messageSegments != null) {
                messageSegments.add(segment);
            }
        }

        private void requirePaxlst(Segment header) {
            String type = header.value(2, 1);
            if (!"PAXLST".equals(type)) {
                List<String> identifier = header.components(2);
                String version = String.join(":", identifier.subList(0, Math.min(3, identifier.size())));
                throw header.refuse(type.isEmpty()
                        ? "not a PAXLST message: the message header names no message type"
                        : "not a PAXLST message but " + version + "; this reader reads PAXLST (API) manifests only");
            }
        }

        /** A trailer's count and reference, as StAEDI found them; the wording uses our own count. */
        private void control(Segment trailer, String unit, String headerReference, String trailerReference,
                             int found, String counted, Consumer<Irregularity> irregularities) {
            List<String> problems = new ArrayList<>();
            for (EDIStreamValidationError error : segmentErrors) {
                String problem = switch (error) {
                    case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT ->
                            unit + " declares " + trailer.value(1).replaceFirst("^0+(?=\\d)", "") + " " + counted
                                    + ", found " + found;
                    case CONTROL_REFERENCE_MISMATCH -> unit + " reference '" + trailerReference
                            + "' differs from the header's '" + headerReference + "'";
                    default -> unit + " trailer is malformed (" + readable(error) + ")";
                };
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
            for (String problem : problems) {
                if (!tolerateControlErrors) {
                    throw trailer.refuse(problem);
                }
                irregularities.accept(trailer.irregularity(problem));
            }
        }

        /** Refuses the input StAEDI could not read on, unless that is only text after a complete interchange. */
        void unreadable(Exception e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (sawInterchange && !insideInterchange && messageSegments == null) {
                trailingText(e);
                return;
            }
            if (position == 0) {
                throw new ManifestFormatException(0, "", "not an EDIFACT interchange (" + detail + ")", e);
            }
            if (detail.startsWith("EDIE005")) { // StAEDI's "unexpected end of stream"
                throw new ManifestFormatException(position, tag, "the input ends inside this segment or after it, "
                        + "without " + (messageSegments != null ? "UNT" : "UNZ") + ": the interchange is truncated", e);
            }
            throw new ManifestFormatException(position, tag, "unreadable EDIFACT after this segment (" + detail + ")", e);
        }

        private void noteEnvelope(Irregularity irregularity) {
            envelopeIrregularities.add(new EnvelopeNote(interchanges, irregularity));
        }

        /** Each message with its own irregularities and those of its interchange and of the input. */
        List<Manifest> manifests() {
            List<Manifest> result = new ArrayList<>();
            for (MessageRead message : messages) {
                Manifest m = message.manifest();
                List<Irregularity> all = new ArrayList<>(m.irregularities());
                envelopeIrregularities.stream()
                        .filter(n -> n.interchange() == 0 || n.interchange() == message.interchange())
                        .forEach(n -> all.add(n.irregularity()));
                all.sort(Comparator.comparingInt(Irregularity::segment));
                result.add(new Manifest(m.messageReference(), m.messageType(), m.flight(), m.legs(),
                        m.travellers(), all));
            }
            return List.copyOf(result);
        }

        /** Where the first non-ASCII text is, when the encoding had to be guessed: the analyst checks that name. */
        private void noteGuessedEncoding(Segment segment) {
            if (decoded.guessed() && !encodingNoted && segment.elements().stream().flatMap(List::stream)
                    .anyMatch(v -> v.chars().anyMatch(c -> c > 0x7F))) {
                encodingNoted = true;
                String page = decoded.charset().displayName();
                envelopeIrregularities.add(new EnvelopeNote(0, segment.irregularity("the bytes are not UTF-8; read as "
                        + (decoded.charset().equals(StandardCharsets.ISO_8859_1)
                                ? page + ", as no single-byte code page gives letters only"
                                : page + ", under which every non-ASCII byte is a letter"))));
            }
        }
    }

    /** A message read, with the interchange (1-based) it came in. */
    private record MessageRead(int interchange, Manifest manifest) {
    }

    /** An irregularity outside any message, with its interchange (1-based; 0 when it concerns the whole input). */
    private record EnvelopeNote(int interchange, Irregularity irregularity) {
    }

    private static String structureError(EDIStreamValidationError error, String text) {
        return readable(error) + (text == null || text.isBlank() ? "" : " '" + text + "'");
    }

    private static String readable(EDIStreamValidationError error) {
        return error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
