import { readFile } from "fs";
export const value = readFile(;
