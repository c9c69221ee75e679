// Verifies a real (tiny) provider with the pact-js Verifier, fetching the pacts from the broker with consumer
// version selectors, pending and WIP pacts, and publishing the results. The provider serves orders and produces
// "order placed" events carrying the money field under the name given as an argument, so a test can rename it.
//
// usage: node provider.mjs '<json options>'
//   {brokerUrl, provider, version, branch, field, selectors, includeWipPactsSince}
import http from 'node:http';
import { Verifier } from '@pact-foundation/pact';

const options = JSON.parse(process.argv[2]);
const order = { id: 1, [options.field]: 4599 };

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/orders/1') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(order));
    return;
  }
  response.writeHead(404);
  response.end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

try {
  await new Verifier({
    provider: options.provider,
    providerBaseUrl: `http://127.0.0.1:${server.address().port}`,
    pactBrokerUrl: options.brokerUrl,
    consumerVersionSelectors: options.selectors,
    enablePending: true,
    // pact-js refuses the option when it is present but undefined.
    ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
    providerVersion: options.version,
    providerVersionBranch: options.branch,
    publishVerificationResult: true,
    stateHandlers: {
      'order 1 exists': async () => {},
      'an order was placed': async () => {},
    },
    messageProviders: {
      'an order placed event': async () => ({ orderId: 1, [options.field]: 4599 }),
    },
    logLevel: 'warn',
  }).verifyProvider();
  console.log('VERIFICATION PASSED');
} catch (error) {
  console.log(`VERIFICATION FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  server.close();
}
