package io.concordat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.concordat.database.DatabaseInfo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Concordat where it listens and which database it uses.
 */
@Component
class StartupReport {

	private static final Log log = LogFactory.getLog(StartupReport.class);

	private final DatabaseInfo database;

	StartupReport(DatabaseInfo database) {
		this.database = database;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		String where = (event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null) ? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
		log.info("Concordat is ready at " + where + " using " + this.database);
	}

}
