package org.civic.members.service.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the member sheet from CSV (UTF-8) or xlsx (the first worksheet) into rows.
 *
 * <p>An xlsx is a zip: before anything is parsed, Apache POI's {@link ZipSecureFile} limits refuse
 * a workbook whose entries expand far beyond their compressed size (a zip bomb) or beyond {@link
 * #MAX_ENTRY_BYTES}; such a file is a {@link SheetTooLargeException} (413), not parsed.
 */
public final class SheetReader {
  /**
   * Smallest accepted ratio of compressed to expanded size per zip entry: real workbooks compress
   * to 10-30 %; a bomb of repeated bytes to far below 1 %.
   */
  public static final double MIN_INFLATE_RATIO = 0.01;

  /**
   * Largest expanded zip entry (a worksheet's XML): the export of a 20,000-row register is about 23
   * MB of sheet XML (inline strings), compressed to 8 %.
   */
  public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  /** Most characters of text POI extracts from one part. */
  public static final long MAX_TEXT_CHARS = 20_000_000L;

  static {
    // Process-wide settings of POI; this class is the only reader of uploaded workbooks.
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
  }

  private final int maxRows;

  public SheetReader(int maxRows) {
    this.maxRows = maxRows;
  }

  public List<SheetRow> csv(byte[] body) {
    String text = utf8(body);
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      List<SheetRow> rows = new ArrayList<>();
      Map<Integer, MemberColumn> columns = null;
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        List<String> cells = record.toList();
        if (columns == null) {
          columns = header(cells);
          continue;
        }
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          continue;
        }
        checkRowCount(rows.size());
        rows.add(new SheetRow(number, map(columns, cells)));
      }
      if (columns == null) {
        throw new UnreadableSheetException("The CSV is empty: expected a header row");
      }
      return rows;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new UnreadableSheetException("The CSV is malformed: " + e.getMessage(), e);
    }
  }

  /**
   * The first worksheet's rows, read as a stream of SAX events ({@link XSSFReader}, {@link
   * XSSFSheetXMLHandler}): only the shared strings, the styles and the rows read so far are held,
   * never the workbook's object model (XMLBeans needed over 128 MB of heap for 10,000 rows). The
   * upload goes to a temporary file first so that the zip is read entry by entry ({@link
   * ZipSecureFile} with its limits) instead of every part being expanded into memory.
   */
  public List<SheetRow> xlsx(byte[] body) {
    Path file = null;
    try {
      file = Files.createTempFile("member-import-", ".xlsx");
      Files.write(file, body);
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        return rows(pkg);
      }
    } catch (UnreadableSheetException e) {
      throw e;
    } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
      if (isZipBomb(e)) {
        throw new SheetTooLargeException(
            "The workbook was refused unread: its contents expand far beyond the size of the file"
                + " (more than "
                + Math.round(1 / MIN_INFLATE_RATIO)
                + " times, or beyond "
                + MAX_ENTRY_BYTES / (1024 * 1024)
                + " MB for one part), as a zip bomb does. Save the sheet again from the"
                + " spreadsheet program or split it.",
            e);
      }
      throw new UnreadableSheetException(
          "The file is not a readable .xlsx workbook: " + e.getMessage(), e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          file.toFile().deleteOnExit();
        }
      }
    }
  }

  private List<SheetRow> rows(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
    XSSFReader reader = new XSSFReader(pkg);
    boolean date1904 = date1904(reader);
    // Sheets in workbook order: the first is the one a user sees first, as getSheetAt(0) was.
    Iterator<InputStream> sheets = reader.getSheetsData();
    if (!sheets.hasNext()) {
      throw new UnreadableSheetException("The workbook has no worksheet");
    }
    RowCollector collector = new RowCollector();
    try (InputStream sheet = sheets.next()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new XSSFSheetXMLHandler(
              reader.getStylesTable(),
              new ReadOnlySharedStringsTable(pkg, false),
              collector,
              new IsoDateFormatter(date1904),
              false));
      parser.parse(new InputSource(sheet));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    if (collector.columns == null) {
      throw new UnreadableSheetException("The worksheet is empty: expected a header row");
    }
    return collector.rows;
  }

  /** Collects the data rows as the handler reports them, the first non-blank row as the header. */
  private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    final List<SheetRow> rows = new ArrayList<>();
    Map<Integer, MemberColumn> columns;
    private final List<String> cells = new ArrayList<>();

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      // A cell without a reference ("r") follows the previous one.
      int column = reference == null ? cells.size() : column(reference);
      while (cells.size() < column) {
        cells.add(null);
      }
      if (column < cells.size()) {
        cells.set(column, formattedValue);
      } else {
        cells.add(formattedValue);
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        return;
      }
      if (columns == null) {
        columns = header(cells);
        return;
      }
      checkRowCount(rows.size());
      rows.add(new SheetRow(rowNum + 1, map(columns, cells)));
    }
  }

  /** The column index of a cell reference such as "AB12" (0 for A): its leading letters. */
  static int column(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  /**
   * Formats cells as {@link DataFormatter} does, except that a number in a date format is its ISO
   * date (yyyy-MM-dd): the importer parses dates, not the display text of the sheet's locale.
   */
  private static final class IsoDateFormatter extends DataFormatter {
    private final boolean date1904;

    IsoDateFormatter(boolean date1904) {
      this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  private static boolean date1904(XSSFReader reader)
      throws IOException, OpenXML4JException, SAXException {
    boolean[] found = {false};
    try (InputStream workbook = reader.getWorkbookData()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a)
                throws SAXException {
              if (local.equals("workbookPr")) {
                String v = a.getValue("date1904");
                found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                throw new StopParsing();
              }
              if (local.equals("sheets")) {
                throw new StopParsing(); // workbookPr comes before the sheets, if at all
              }
            }
          });
      parser.parse(new InputSource(workbook));
    } catch (StopParsing e) {
      // read what was needed
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return found[0];
  }

  private static final class StopParsing extends SAXException {}

  /** POI's ZipSecureFile refusals (ratio, entry size, text size) all say "Zip bomb detected". */
  static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("Zip bomb detected")) {
        return true;
      }
    }
    return false;
  }

  private void checkRowCount(int rowsSoFar) {
    if (rowsSoFar >= maxRows) {
      throw new UnreadableSheetException(
          "The sheet has more than " + maxRows + " rows; split it into several files");
    }
  }

  private static Map<Integer, MemberColumn> header(List<String> cells) {
    Map<Integer, MemberColumn> columns = new java.util.HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      MemberColumn c = MemberColumn.forHeader(cells.get(i));
      if (c != null) {
        if (columns.containsValue(c)) {
          throw new UnreadableSheetException(
              "The header names column " + c.english + " (" + c.chinese + ") twice");
        }
        columns.put(i, c);
      }
    }
    List<String> missing = new ArrayList<>();
    for (MemberColumn c : MemberColumn.values()) {
      if (c.required && !columns.containsValue(c)) {
        missing.add(c.english + " (" + c.chinese + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new UnreadableSheetException(
          "The header row (row 1) lacks the required columns " + String.join(", ", missing));
    }
    return columns;
  }

  private static Map<MemberColumn, String> map(Map<Integer, MemberColumn> columns, List<String> c) {
    Map<MemberColumn, String> out = new EnumMap<>(MemberColumn.class);
    columns.forEach(
        (index, column) -> {
          if (index < c.size()) {
            out.put(column, CellText.unneutralise(c.get(index)));
          }
        });
    return out;
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableSheetException(
          "The CSV is not UTF-8 text (save it as \"CSV UTF-8\"), or not a CSV at all");
    }
  }
}
