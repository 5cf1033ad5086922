// An HTTP server and three requests the program makes to itself over loopback, one after
// the other; then the server closes and the program ends.
const http = require('http');

const server = http.createServer((request, response) => response.end('hello ' + request.url));
server.listen(0, '127.0.0.1', async () => {
    const { port } = server.address();
    for (let number = 1; number <= 3; number++) {
        await new Promise((resolve) => {
            http.get({ host: '127.0.0.1', port, path: '/' + number }, (response) => {
                response.resume();
                response.on('end', resolve);
            });
        });
    }
    server.close();
});
