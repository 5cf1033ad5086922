'use strict';

// Node binds a wildcard host (none, '::', '0.0.0.0') to every interface. loopscope serves it
// on loopback and shows the program what Node would: the server's address is the wildcard,
// and on the IPv6 one ('::', which Node takes when no host is given) an IPv4 peer is
// '::ffff:127.0.0.1'. Returns the wildcard to show, or undefined for any other host.
function shownWildcard(host) {
  if (host === undefined || host === null || host === '' || host === '::' || host === '::0' || host === '0:0:0:0:0:0:0:0')
    return '::';
  return host === '0.0.0.0' ? '0.0.0.0' : undefined;
}

function asDualStack(name) {
  if (name.family === 'IPv4') {
    name.address = `::ffff:${name.address}`;
    name.family = 'IPv6';
  }
  return name;
}

module.exports = { shownWildcard, asDualStack };
