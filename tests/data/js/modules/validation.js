// Loaded by error-stacks.js: an error class of a module, and an error made while it loads.
class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

function requireField(record, field) {
  if (!(field in record))
    throw new ValidationError(field, `${field} is required`);
  return record[field];
}

module.exports = { ValidationError, requireField, loadedWith: new Error('while loading') };
