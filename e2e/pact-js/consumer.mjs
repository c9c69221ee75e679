// A consumer test written with pact-js: orders-web reads an order over HTTP and an "order placed" event, and
// relies on one field of each (the field name is an argument, so a test can make the consumer expect a renamed
// field). Running it writes a V4 pact with an HTTP and an asynchronous message interaction.
//
// usage: node consumer.mjs <pact dir> <consumer> <provider> <field>
import { PactV4, MatchersV3 } from '@pact-foundation/pact';

const [dir, consumer, provider, field] = process.argv.slice(2);
const pact = new PactV4({ consumer, provider, dir, logLevel: 'warn' });

await pact
  .addInteraction()
  .given('order 1 exists')
  .uponReceiving('a request for order 1')
  .withRequest('GET', '/orders/1', (request) => request.headers({ Accept: 'application/json' }))
  .willRespondWith(200, (response) =>
    response
      .headers({ 'Content-Type': 'application/json' })
      .jsonBody({ id: MatchersV3.integer(1), [field]: MatchersV3.integer(4599) })
  )
  .executeTest(async (mockServer) => {
    const response = await fetch(`${mockServer.url}/orders/1`, { headers: { Accept: 'application/json' } });
    const order = await response.json();
    if (typeof order[field] !== 'number') {
      throw new Error(`the order has no ${field}`);
    }
  });

await pact
  .addAsynchronousInteraction()
  .given('an order was placed')
  .expectsToReceive('an order placed event', (message) =>
    message.withJSONContent({ orderId: MatchersV3.integer(1), [field]: MatchersV3.integer(4599) })
  )
  .executeTest(async (message) => {
    if (typeof message.contents.content[field] !== 'number') {
      throw new Error(`the event has no ${field}`);
    }
  });

console.log(`wrote the pact between ${consumer} and ${provider} to ${dir}`);
