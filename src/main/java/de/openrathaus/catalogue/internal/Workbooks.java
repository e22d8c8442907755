// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue as a spreadsheet: the template a department fills offline (its processes, one row
 * each, drop-down lists for the choices, a sheet of hints), and the reading of a filled one back
 * into raw answers with the sheet, row and column of every problem.
 */
final class Workbooks {

	static final String SHEET = "Prozesse";
	static final String HINTS = "Hinweise";
	static final int MAX_ROWS = 20_000;
	private static final DataFormatter FORMATTER = new DataFormatter(Locale.GERMANY);

	private Workbooks() {
	}

	static byte[] template(List<ProcessRecord> processes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(SHEET);
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			Row head = sheet.createRow(0);
			ProcessField[] fields = ProcessField.values();
			for (int c = 0; c < fields.length; c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(fields[c].labelDe + (fields[c].required ? " *" : ""));
				cell.setCellStyle(header);
				sheet.setColumnWidth(c, fields[c].type == ProcessField.Type.LONGTEXT ? 40 * 256 : 20 * 256);
			}
			sheet.createFreezePane(2, 1);
			int r = 1;
			for (ProcessRecord process : processes) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < fields.length; c++) {
					String text = cellText(fields[c], process);
					if (fields[c].type == ProcessField.Type.INTEGER || fields[c].type == ProcessField.Type.SCALE) {
						row.createCell(c).setCellValue(process.integer(fields[c]));
					}
					else {
						row.createCell(c).setCellValue(text);
					}
				}
			}
			DataValidationHelper validation = sheet.getDataValidationHelper();
			for (int c = 0; c < fields.length; c++) {
				List<String> words = words(fields[c]);
				if (!words.isEmpty()) {
					var constraint = validation.createExplicitListConstraint(words.toArray(String[]::new));
					var rule = validation.createValidation(constraint, new CellRangeAddressList(1, MAX_ROWS, c, c));
					rule.setShowErrorBox(fields[c].type != ProcessField.Type.SET);
					sheet.addValidationData(rule);
				}
			}
			hints(workbook.createSheet(HINTS), header);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String cellText(ProcessField field, ProcessRecord process) {
		Object value = process.values().get(field);
		if (value instanceof LocalDate date) {
			return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(v -> german(String.valueOf(v))).toList());
		}
		if (field.type == ProcessField.Type.CHOICE) {
			return german(String.valueOf(value));
		}
		return ProcessValues.text(field, value);
	}

	/** The German word a spreadsheet shows for a code (the reader accepts both). */
	static String german(String code) {
		return ProcessValues.WORDS.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey)
			.filter(w -> !w.contains(":")).sorted().findFirst().map(Workbooks::capitalise).orElse(code);
	}

	private static String capitalise(String word) {
		return word.substring(0, 1).toUpperCase(Locale.GERMAN) + word.substring(1);
	}

	private static List<String> words(ProcessField field) {
		return switch (field.type) {
			case BOOLEAN -> List.of("ja", "nein");
			case CHOICE -> field.options.stream().map(Workbooks::german).toList();
			default -> List.of();
		};
	}

	private static void hints(Sheet sheet, CellStyle header) {
		String[] heads = {"Spalte", "Pflicht", "Erlaubte Werte"};
		Row head = sheet.createRow(0);
		for (int c = 0; c < heads.length; c++) {
			head.createCell(c).setCellValue(heads[c]);
			head.getCell(c).setCellStyle(header);
		}
		int r = 1;
		for (ProcessField field : ProcessField.values()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(field.labelDe);
			row.createCell(1).setCellValue(field.required ? "ja" : "nein");
			row.createCell(2).setCellValue(switch (field.type) {
				case KEY -> "Großbuchstaben, Ziffern, Bindestrich (z. B. BB-001); ordnet die Zeile beim Hochladen zu";
				case DEPARTMENT -> "Kürzel des Fachbereichs (z. B. steuern)";
				case BOOLEAN -> "ja oder nein";
				case INTEGER -> "ganze Zahl ab 0";
				case SCALE -> "ganze Zahl von 0 bis 5";
				case DATE -> "Datum TT.MM.JJJJ";
				case CHOICE -> String.join(", ", words(field));
				case SET -> "eines oder mehrere, mit Komma getrennt: "
						+ String.join(", ", field.options.stream().map(Workbooks::german).toList());
				case LEIKA -> "14 Ziffern";
				case PROCEDURE -> "Schlüssel des Online-Verfahrens, z. B. hund-anmelden";
				default -> "Text, höchstens " + field.maxLength() + " Zeichen";
			});
		}
		sheet.setColumnWidth(0, 40 * 256);
		sheet.setColumnWidth(2, 90 * 256);
	}

	/** A row of the sheet as raw answers, with its 1-based row number. */
	record RawRow(int row, Map<ProcessField, String> values, Map<ProcessField, String> columns) {
	}

	/** A problem at a place in the workbook (column may be empty for problems of the whole sheet or row). */
	record Problem(String sheet, int row, String column, String message) {
	}

	/** The readable rows, or problems that stop the import before any value is checked. */
	record Reading(List<RawRow> rows, List<Problem> problems) {
	}

	/**
	 * Reads the sheet "Prozesse". Columns are found by their heading (German or English label, or
	 * the field name); formulas and error cells are refused, because the values that count must be
	 * visible in the cell.
	 */
	static Reading read(InputStream in) {
		List<Problem> problems = new ArrayList<>();
		byte[] content;
		try {
			content = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (inflatesSuspiciously(content)) {
			return new Reading(List.of(), List.of(new Problem("", 0, "",
					"Die Datei entpackt sich ungewöhnlich stark (möglicherweise eine Zip-Bombe) und wird nicht gelesen.")));
		}
		try (Workbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheet(SHEET);
			if (sheet == null) {
				sheet = workbook.getNumberOfSheets() > 0 ? workbook.getSheetAt(0) : null;
			}
			if (sheet == null || sheet.getPhysicalNumberOfRows() == 0) {
				return new Reading(List.of(), List.of(new Problem(SHEET, 0, "", "Die Tabelle ist leer: Es gibt kein Blatt mit Prozessen.")));
			}
			String name = sheet.getSheetName();
			if (sheet.getLastRowNum() > MAX_ROWS) {
				return new Reading(List.of(), List.of(new Problem(name, 0, "", "Die Tabelle hat mehr als " + MAX_ROWS
						+ " Zeilen. Teilen Sie sie bitte auf.")));
			}
			Map<Integer, ProcessField> columns = columns(sheet.getRow(sheet.getFirstRowNum()), name, problems);
			if (!problems.isEmpty()) {
				return new Reading(List.of(), problems);
			}
			List<RawRow> rows = new ArrayList<>();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<ProcessField, String> values = new EnumMap<>(ProcessField.class);
				Map<ProcessField, String> letters = new EnumMap<>(ProcessField.class);
				boolean any = false;
				for (Map.Entry<Integer, ProcessField> column : columns.entrySet()) {
					String letter = CellReference.convertNumToColString(column.getKey());
					letters.put(column.getValue(), letter);
					Cell cell = row.getCell(column.getKey());
					String text = text(cell, name, r + 1, letter, problems);
					values.put(column.getValue(), text);
					any |= !text.isBlank();
				}
				if (any) {
					rows.add(new RawRow(r + 1, values, letters));
				}
			}
			if (rows.isEmpty() && problems.isEmpty()) {
				problems.add(new Problem(name, 0, "", "Das Blatt „" + name + "“ enthält keine Prozesse (nur die Überschriften)."));
			}
			return new Reading(rows, problems);
		}
		catch (IOException | RuntimeException e) {
			String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")
					? "Die Datei entpackt sich ungewöhnlich stark (möglicherweise eine Zip-Bombe) und wird nicht gelesen."
					: "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Speichern Sie sie bitte im Format „Excel-Arbeitsmappe“.";
			return new Reading(List.of(), List.of(new Problem("", 0, "", reason)));
		}
	}

	/** Largest total a workbook may unpack to. */
	static final long MAX_UNPACKED = 200L * 1024 * 1024;

	/**
	 * Whether the ZIP container unpacks to more than {@link #MAX_UNPACKED} or any large entry
	 * compresses more than 100 to 1 (office files compress about 5 to 20 to 1). Reads at most the
	 * limit, so a bomb cannot exhaust memory here.
	 */
	static boolean inflatesSuspiciously(byte[] content) {
		long total = 0;
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
			java.util.zip.ZipEntry entry;
			byte[] buffer = new byte[64 * 1024];
			while ((entry = zip.getNextEntry()) != null) {
				long entrySize = 0;
				int read;
				while ((read = zip.read(buffer)) > 0) {
					entrySize += read;
					total += read;
					if (total > MAX_UNPACKED) {
						return true;
					}
				}
				long compressed = entry.getCompressedSize();
				if (entrySize > 1024 * 1024 && compressed > 0 && entrySize / compressed > 100) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
	}

	private static Map<Integer, ProcessField> columns(@Nullable Row head, String sheet, List<Problem> problems) {
		Map<String, ProcessField> byHeading = new HashMap<>();
		for (ProcessField field : ProcessField.values()) {
			byHeading.put(norm(field.labelDe), field);
			byHeading.put(norm(field.labelEn), field);
			byHeading.put(norm(field.name), field);
		}
		Map<Integer, ProcessField> columns = new HashMap<>();
		if (head != null) {
			for (Cell cell : head) {
				ProcessField field = byHeading.get(norm(FORMATTER.formatCellValue(cell).replace("*", "")));
				if (field != null && !columns.containsValue(field)) {
					columns.put(cell.getColumnIndex(), field);
				}
			}
		}
		for (ProcessField field : ProcessField.values()) {
			if (field.required && !columns.containsValue(field)) {
				problems.add(new Problem(sheet, 1, "", "Die Spalte „" + field.labelDe + "“ fehlt in der Überschriftenzeile."));
			}
		}
		return columns;
	}

	private static String norm(String heading) {
		return heading.strip().toLowerCase(Locale.GERMAN);
	}

	private static String text(@Nullable Cell cell, String sheet, int row, String column, List<Problem> problems) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case FORMULA -> {
				problems.add(new Problem(sheet, row, column, "Die Zelle enthält eine Formel. Tragen Sie bitte den Wert selbst ein."));
				yield "";
			}
			case ERROR -> {
				problems.add(new Problem(sheet, row, column, "Die Zelle enthält einen Fehlerwert."));
				yield "";
			}
			case NUMERIC -> {
				if (DateUtil.isCellDateFormatted(cell)) {
					yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
				}
				double number = cell.getNumericCellValue();
				yield number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number).replace('.', ',');
			}
			case BOOLEAN -> cell.getBooleanCellValue() ? "ja" : "nein";
			case STRING -> cell.getStringCellValue();
			default -> "";
		};
	}

}
