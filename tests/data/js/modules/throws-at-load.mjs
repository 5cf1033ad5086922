throw new RangeError('thrown while the module loads');
