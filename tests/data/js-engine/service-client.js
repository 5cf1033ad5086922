// Asks the scenario's `database` service once, then twice at once (its port comes in the
// environment variable the test sets), and prints what it answered.
const http = require('http');

const port = Number(process.env.LOOPSCOPE_TEST_SERVICE_PORT);
function ask(path) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk) => body += chunk);
      response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(body) }));
    }).on('error', reject);
  });
}

(async () => {
  const first = await ask('/users/1');
  console.log(first.status, first.body.service, first.body.request, first.body.tookMs);
  const both = await Promise.all([ask('/a'), ask('/b')]);
  console.log(both.map((answer) => answer.body.request).sort().join(' '));
})();
