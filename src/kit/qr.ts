/**
 * QR codes for posters: error correction Q (a quarter of the code may be damaged or covered and
 * it still reads), dark modules on a light square with a quiet zone of four modules.
 */
import QRCode from "qrcode";

export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Whether the module at (row, column) is dark. */
  dark(row: number, column: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "Q" });
  return { size: modules.size, dark: (row, column) => Boolean(modules.get(row, column)) };
}

/** Runs of dark modules per row, [row, first column, length]: fewer rectangles in a PDF. */
export function darkRuns(matrix: QrMatrix): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.dark(row, column)) {
        column++;
        continue;
      }
      const first = column;
      while (column < matrix.size && matrix.dark(row, column)) column++;
      runs.push([row, first, column - first]);
    }
  }
  return runs;
}
