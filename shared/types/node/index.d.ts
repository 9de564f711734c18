/**
 * The stand-in for @types/node in the two programs that must not see Node: shared/ and renderer/ (their tsconfigs
 * name this folder as their only type root). The `docx` typings begin with `/// <reference types="node" />`, which
 * would otherwise load Node's globals into every program that includes the DOCX exporter, and `process`, `Buffer` or
 * `node:fs` would type-check there. Answered with this empty file, the reference brings nothing: the few Node names
 * inside docx's own typings go unresolved there (skipLibCheck keeps that quiet, and none of them is on a path
 * shared/ uses), and the DOCX code is still checked against the full typings by `tsc -p main`.
 */
export {};
