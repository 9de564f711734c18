/**
 * Thrown by the WordprocessingML reader when a document holds something it does not read exactly as mammoth would
 * (text boxes, symbols, merged cells in a table holding more than rows and cells, unusual namespaces, XML it finds
 * malformed …): the import then goes through mammoth, which is slower but reads all of Word. Never shown to anyone.
 */
export class NotMine extends Error {
  constructor(readonly reason: string) {
    super(`left to mammoth: ${reason}`);
  }
}
