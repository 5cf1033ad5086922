// console.table as Node 20 draws it (lib/internal/console/constructor.js and
// lib/internal/cli_table.js): the index column, one column per property met,
// 'Values' for primitive rows, cells inspected one level deep, left aligned.
'use strict';

const util = require('util');
const { getStringWidth, previewEntries } = util[Symbol.for('loopscope.util.internals')];

const indexKey = '(index)';
const iterKey = '(iteration index)';
const keyKey = 'Key';
const valuesKey = 'Values';

function renderRow(row, columnWidths) {
  let out = '│ ';
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + ' '.repeat(columnWidths[i] - getStringWidth(cell));
    if (i !== row.length - 1)
      out += ' │ ';
  }
  return out + ' │';
}

function drawTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined)
        rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      columnWidths[i] = Math.max(columnWidths[i] || 0, getStringWidth(value));
    }
  }
  const divider = columnWidths.map((width) => '─'.repeat(width + 2));
  let result = `┌${divider.join('┬')}┐\n${renderRow(head, columnWidths)}\n├${divider.join('┼')}┤\n`;
  for (const row of rows)
    result += `${renderRow(row, columnWidths)}\n`;
  return result + `└${divider.join('┴')}┘`;
}

function inspectCell(value) {
  const depth = value !== null && typeof value === 'object' && !Array.isArray(value) &&
    Object.keys(value).length > 2 ? -1 : 0;
  return util.inspect(value, { depth, maxArrayLength: 3, breakLength: Infinity });
}

const indexColumn = (length) => Array.from({ length }, (_, i) => inspectCell(i));

// The text console.table prints, or undefined when it prints the value as console.log would.
function formatTable(tabularData, properties) {
  if (properties !== undefined && !Array.isArray(properties))
    throw util[Symbol.for('loopscope.util.internals')].invalidArgTypeError('properties', 'Array', properties);
  if (tabularData === null || typeof tabularData !== 'object')
    return undefined;

  const mapIterator = util.types.isMapIterator(tabularData);
  let isKeyValue = false;
  if (mapIterator)
    [tabularData, isKeyValue] = previewEntries(tabularData, true) || [[], false];

  if (isKeyValue || util.types.isMap(tabularData)) {
    const keys = [];
    const values = [];
    if (mapIterator) {
      for (let i = 0; i < tabularData.length / 2; ++i) {
        keys.push(inspectCell(tabularData[i * 2]));
        values.push(inspectCell(tabularData[i * 2 + 1]));
      }
    } else {
      for (const [k, v] of tabularData) {
        keys.push(inspectCell(k));
        values.push(inspectCell(v));
      }
    }
    return drawTable([iterKey, keyKey, valuesKey], [indexColumn(keys.length), keys, values]);
  }

  const setIterator = util.types.isSetIterator(tabularData);
  if (setIterator)
    tabularData = (previewEntries(tabularData, true) || [[]])[0];
  if (setIterator || mapIterator || util.types.isSet(tabularData)) {
    const values = [...tabularData].map(inspectCell);
    return drawTable([iterKey, valuesKey], [indexColumn(values.length), values]);
  }

  const columns = { __proto__: null };
  let hasPrimitives = false;
  const primitiveValues = [];
  const indexKeys = Object.keys(tabularData);
  for (let i = 0; i < indexKeys.length; i++) {
    const item = tabularData[indexKeys[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveValues[i] = inspectCell(item);
    } else {
      for (const key of properties || Object.keys(item)) {
        columns[key] ??= [];
        columns[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)
          ? '' : inspectCell(item[key]);
      }
    }
  }
  const head = Object.keys(columns);
  const body = Object.values(columns);
  if (hasPrimitives) {
    head.push(valuesKey);
    body.push(primitiveValues);
  }
  head.unshift(indexKey);
  body.unshift(indexKeys);
  return drawTable(head, body);
}

module.exports = { formatTable };
