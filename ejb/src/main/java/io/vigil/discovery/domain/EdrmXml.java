package io.vigil.discovery.domain;

import io.vigil.crypto.bundle.EntryDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The EDRM XML 1.2 load file (EDRM XML interchange format, XSD version 1.2) describing the same documents as the
 * DAT file, streamed one document at a time:
 *
 * <pre>
 * Root MajorVersion="1" MinorVersion="2" DataInterchangeType="Update" Locale="en-US" Description=matter
 *   Batch name=export id
 *     Documents
 *       Document DocID=production number DocType="File" MimeType="audio/wav" or "audio/mpeg" (text/plain without audio)
 *         Files
 *           File FileType="Native"   ExternalFile FilePath="NATIVES" FileName FileSize Hash (MD5)
 *           File FileType="Text"     ExternalFile FilePath="TEXT" FileName FileSize Hash
 *         Locations / Location / Custodian
 *         Tags / Tag TagName TagValue TagDataType   (#BegBates, #EndBates, #DateCreated, #Duration, #Agent,
 *                                                    #Channel, #SHA256, #Confidentiality, #CallID)
 * </pre>
 */
public final class EdrmXml implements AutoCloseable {

    private final XMLStreamWriter xml;

    private EdrmXml(OutputStream out, String matter, String batch) throws IOException {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Root");
            xml.writeAttribute("MajorVersion", "1");
            xml.writeAttribute("MinorVersion", "2");
            xml.writeAttribute("Description", matter);
            xml.writeAttribute("Locale", "en-US");
            xml.writeAttribute("DataInterchangeType", "Update");
            xml.writeStartElement("Batch");
            xml.writeAttribute("name", batch);
            xml.writeStartElement("Documents");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the EDRM XML file: " + e.getMessage(), e);
        }
    }

    public static EdrmXml to(OutputStream out, String matter, String batch) throws IOException {
        return new EdrmXml(out, matter, batch);
    }

    public void add(ExportDocument d) throws IOException {
        try {
            xml.writeStartElement("Document");
            xml.writeAttribute("DocID", d.productionNumber());
            xml.writeAttribute("DocType", "File");
            xml.writeAttribute("MimeType", d.nativeFile() != null ? NativeFormat.ofPath(d.nativeFile().path()).mediaType() : "text/plain");
            xml.writeStartElement("Files");
            file("Native", d.nativeFile());
            file("Text", d.textFile());
            xml.writeEndElement();
            xml.writeStartElement("Locations");
            xml.writeStartElement("Location");
            xml.writeStartElement("Custodian");
            xml.writeCharacters(d.custodian());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("Tags");
            tag("#BegBates", d.productionNumber(), "Text");
            tag("#EndBates", d.productionNumber(), "Text");
            tag("#DateCreated", DateTimeFormatter.ISO_INSTANT.format(d.startedAt()), "DateTime");
            tag("#Duration", TranscriptFiles.clock(d.durationMs(), false), "Text");
            tag("#Agent", d.agent(), "Text");
            tag("#Channel", d.channel(), "Text");
            EntryDigest hashed = d.nativeFile() != null ? d.nativeFile() : d.textFile();
            if (hashed != null) {
                tag("#SHA256", hashed.sha256(), "Text");
            }
            tag("#Confidentiality", d.confidentiality(), "Text");
            tag("#CallID", d.callId().toString(), "Text");
            xml.writeEndElement();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the EDRM XML file: " + e.getMessage(), e);
        }
    }

    private void file(String type, EntryDigest file) throws XMLStreamException {
        if (file == null) {
            return;
        }
        int slash = file.path().lastIndexOf('/');
        xml.writeStartElement("File");
        xml.writeAttribute("FileType", type);
        xml.writeEmptyElement("ExternalFile");
        xml.writeAttribute("FilePath", file.path().substring(0, slash));
        xml.writeAttribute("FileName", file.path().substring(slash + 1));
        xml.writeAttribute("FileSize", Long.toString(file.size()));
        xml.writeAttribute("Hash", file.md5());
        xml.writeEndElement();
    }

    private void tag(String name, String value, String type) throws XMLStreamException {
        xml.writeEmptyElement("Tag");
        xml.writeAttribute("TagName", name);
        xml.writeAttribute("TagValue", value == null ? "" : value);
        xml.writeAttribute("TagDataType", type);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot finish the EDRM XML file: " + e.getMessage(), e);
        }
    }
}
