// A tiny orders-service for the README's "Try it": it answers the example pacts' HTTP request and, when the
// verifier asks for a message by its description, produces that message, so that the real pact-verifier has a
// provider to check. Usage: node examples/orders-service.mjs [port]
import http from 'node:http';

const port = Number(process.argv[2] ?? 8081);
const order = { id: 42, total_cents: 4200 };
const messages = { 'an order placed event': order };

function json(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

http
  .createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/orders/42') {
      json(response, 200, order);
      return;
    }
    if (request.method === 'POST' && request.url === '/') {
      // The verifier posts {"description": …, "providerStates": […]} and compares the answer with the message.
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const message = messages[JSON.parse(body || '{}').description];
        if (message === undefined) {
          json(response, 404, { error: 'no such message' });
          return;
        }
        const metadata = Buffer.from(JSON.stringify({ contentType: 'application/json' })).toString('base64');
        json(response, 200, message, { 'Pact-Message-Metadata': metadata });
      });
      return;
    }
    json(response, 404, { error: `no route for ${request.method} ${request.url}` });
  })
  .listen(port, () => console.log(`orders-service listening on http://localhost:${port}`));
