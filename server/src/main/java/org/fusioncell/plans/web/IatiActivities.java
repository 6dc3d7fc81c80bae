package org.fusioncell.plans.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fusioncell.plans.PlanTree;

/**
 * The funded actions of a plan as IATI activities, standard version 2.03 (iatistandard.org): one
 * {@code iati-activity} per action with some funding, identified as {@code <reporting-org>-<action id>}. The donor
 * is the funding organisation (role 1) and the provider of an incoming commitment (transaction type 11) of the
 * funded amount; the lead body and the partners are implementing organisations (role 4); the budget is the
 * action's whole budget over its timeline. Unfunded actions are not published: IATI reports flows of money.
 */
final class IatiActivities {

    private static final String VERSION = "2.03";

    private IatiActivities() {
    }

    record Publisher(String ref, String type, String name) {
    }

    static String of(PlanTree t, Publisher publisher, Instant now, String language) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("iati-activities");
            x.writeAttribute("version", VERSION);
            x.writeAttribute("generated-datetime", stamp(now));
            for (PlanTree.Area a : t.areas()) {
                for (PlanTree.Objective o : a.objectives()) {
                    for (PlanTree.Output p : o.outputs()) {
                        for (PlanTree.Action action : p.actions()) {
                            if (action.isFunded()) {
                                activity(x, t, a.label(language) + " — " + o.title() + " — " + p.title(), action,
                                        publisher, now);
                            }
                        }
                    }
                }
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("IATI export could not be written", e);
        }
        return out.toString();
    }

    private static void activity(XMLStreamWriter x, PlanTree t, String place, PlanTree.Action a, Publisher publisher,
                                 Instant now) throws XMLStreamException {
        PlanTree.Header h = t.plan();
        x.writeStartElement("iati-activity");
        x.writeAttribute("last-updated-datetime", stamp(h.updatedAt()));
        x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", h.language());
        x.writeAttribute("default-currency", a.currency());
        text(x, "iati-identifier", publisher.ref() + "-" + a.id());
        x.writeStartElement("reporting-org");
        x.writeAttribute("ref", publisher.ref());
        x.writeAttribute("type", publisher.type());
        narrative(x, publisher.name());
        x.writeEndElement();
        x.writeStartElement("title");
        narrative(x, a.title());
        x.writeEndElement();
        x.writeStartElement("description");
        x.writeAttribute("type", "1");
        narrative(x, h.title() + " — " + place);
        x.writeEndElement();
        org(x, "1", a.donor());
        org(x, "4", a.leadBody());
        for (PlanTree.Partner partner : a.partners()) {
            org(x, "4", partner.name());
        }
        empty(x, "activity-status", "code", status(a.status()));
        date(x, "1", a.startDate());
        date(x, "3", a.endDate());
        recipient(x, h);
        x.writeStartElement("budget");
        x.writeAttribute("type", "1");
        x.writeAttribute("status", "1");
        empty(x, "period-start", "iso-date", a.startDate().toString());
        empty(x, "period-end", "iso-date", a.endDate().toString());
        value(x, a.budget().toPlainString(), a.currency(), a.startDate());
        x.writeEndElement();
        x.writeStartElement("transaction");
        empty(x, "transaction-type", "code", "11");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate on = a.startDate().isAfter(today) ? today : a.startDate();
        empty(x, "transaction-date", "iso-date", on.toString());
        value(x, a.funded().toPlainString(), a.currency(), on);
        x.writeStartElement("provider-org");
        narrative(x, a.donor());
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    /**
     * The plan's country at 100 %. A user-assigned ISO 3166 code (a fictitious or training country, e.g. the demo's
     * XW) is on no IATI Country codelist: it goes as a recipient region in the reporting organisation's own
     * vocabulary (99), which IATI's rules accept in place of a country.
     */
    private static void recipient(XMLStreamWriter x, PlanTree.Header h) throws XMLStreamException {
        if (!h.fictitiousCountry()) {
            x.writeEmptyElement("recipient-country");
            x.writeAttribute("code", h.country());
            x.writeAttribute("percentage", "100");
            return;
        }
        x.writeStartElement("recipient-region");
        x.writeAttribute("code", h.country());
        x.writeAttribute("vocabulary", "99");
        x.writeAttribute("percentage", "100");
        narrative(x, h.country() + " (ISO 3166 user-assigned code)");
        x.writeEndElement();
    }

    /** IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled. */
    static String status(String actionStatus) {
        return switch (actionStatus) {
            case "PLANNED" -> "1";
            case "COMPLETED" -> "3";
            case "CANCELLED" -> "5";
            default -> "2";
        };
    }

    private static void org(XMLStreamWriter x, String role, String name) throws XMLStreamException {
        x.writeStartElement("participating-org");
        x.writeAttribute("role", role);
        narrative(x, name);
        x.writeEndElement();
    }

    private static void date(XMLStreamWriter x, String type, LocalDate d) throws XMLStreamException {
        x.writeEmptyElement("activity-date");
        x.writeAttribute("type", type);
        x.writeAttribute("iso-date", d.toString());
    }

    private static void value(XMLStreamWriter x, String amount, String currency, LocalDate on)
            throws XMLStreamException {
        x.writeStartElement("value");
        x.writeAttribute("currency", currency);
        x.writeAttribute("value-date", on.toString());
        x.writeCharacters(amount);
        x.writeEndElement();
    }

    private static void empty(XMLStreamWriter x, String name, String attribute, String value)
            throws XMLStreamException {
        x.writeEmptyElement(name);
        x.writeAttribute(attribute, value);
    }

    /** {@code <narrative>text</narrative>} inside the element the caller opened. */
    private static void narrative(XMLStreamWriter x, String text) throws XMLStreamException {
        x.writeStartElement("narrative");
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String stamp(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }
}
