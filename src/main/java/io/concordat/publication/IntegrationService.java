package io.concordat.publication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.concordat.pacticipant.PacticipantService;
import io.concordat.pacticipant.PacticipantView;
import io.concordat.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One consumer–provider integration: finding it, and removing its pacts (all of them, or
 * those of the consumer versions with a tag or on a branch) or the whole integration.
 *
 * <p>
 * Removing publications leaves the derived rows consistent by construction: the latest
 * publication row of a consumer version references the publication it points at and goes
 * with it, so "latest" falls back to what remains. Content and its verification results
 * stay, as in the Pact Broker: another consumer version may still point at it.
 */
@Service
@Transactional
public class IntegrationService {

	private final JdbcClient jdbc;

	private final PactStore store;

	private final PacticipantService pacticipants;

	IntegrationService(JdbcClient jdbc, PactStore store, PacticipantService pacticipants) {
		this.jdbc = jdbc;
		this.store = store;
		this.pacticipants = pacticipants;
	}

	@Transactional(readOnly = true)
	public Optional<PactService.Integration> find(String provider, String consumer) {
		return this.jdbc
			.sql("""
					select c.name as consumer, p.name as provider, i.created_at, i.contract_data_updated_at
					from integrations i join pacticipants c on c.id = i.consumer_id join pacticipants p on p.id = i.provider_id
					where c.name = :consumer and p.name = :provider""")
			.param("consumer", consumer)
			.param("provider", provider)
			.query((rs, n) -> new PactService.Integration(rs.getString("consumer"), rs.getString("provider"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("contract_data_updated_at").toInstant()))
			.optional();
	}

	/**
	 * Every integration that still has a pact, by consumer then provider name: the Pact
	 * Broker draws its network from the latest pacts, so an integration whose pacts were
	 * all deleted is no longer an edge.
	 */
	@Transactional(readOnly = true)
	public List<Pair> pairs() {
		return this.jdbc
			.sql("""
					select c.id as consumer_id, c.name as consumer, p.id as provider_id, p.name as provider
					from integrations i join pacticipants c on c.id = i.consumer_id join pacticipants p on p.id = i.provider_id
					where exists (select 1 from latest_pact_publications l
					              where l.consumer_id = i.consumer_id and l.provider_id = i.provider_id)
					order by lower(c.name), lower(p.name)""")
			.query((rs, n) -> new Pair(rs.getLong("consumer_id"), rs.getString("consumer"), rs.getLong("provider_id"),
					rs.getString("provider")))
			.list();
	}

	/**
	 * The integrations of the pacticipant's network: those it is in, those its
	 * counterparts are in, and so on, in the order {@link #pairs()} lists them. With a
	 * limit, the network stops growing once it holds that many pacticipants.
	 */
	@Transactional(readOnly = true)
	public List<Pair> network(String pacticipant, @Nullable Integer maxPacticipants) {
		PacticipantView start = pacticipant(pacticipant);
		List<Pair> all = pairs();
		Set<Long> members = new LinkedHashSet<>(List.of(start.id()));
		Set<Pair> included = new LinkedHashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Pair pair : all) {
				if (included.contains(pair)
						|| !(members.contains(pair.consumerId()) || members.contains(pair.providerId()))) {
					continue;
				}
				Set<Long> joined = new LinkedHashSet<>(members);
				joined.add(pair.consumerId());
				joined.add(pair.providerId());
				if (maxPacticipants != null && joined.size() > maxPacticipants) {
					continue;
				}
				members = joined;
				included.add(pair);
				grew = true;
			}
		}
		return all.stream().filter(included::contains).toList();
	}

	/** Every pact the consumer published for the provider. */
	public int deletePacts(String provider, String consumer) {
		return this.store.deletePublications(pacticipant(consumer).id(), pacticipant(provider).id(), "true", null);
	}

	/** The pacts of the consumer versions with the tag. */
	public int deletePactsWithTag(String provider, String consumer, String tag) {
		return this.store.deletePublications(pacticipant(consumer).id(), pacticipant(provider).id(),
				"exists (select 1 from tags t where t.version_id = pp.consumer_version_id and t.name = :name)", tag);
	}

	/**
	 * The pacts of the consumer versions on the branch; {@code null} means the consumer's
	 * main branch (nothing when it has none).
	 */
	public int deletePactsOnBranch(String provider, String consumer, @Nullable String branch) {
		PacticipantView consumerView = pacticipant(consumer);
		String name = (branch != null) ? branch : consumerView.mainBranch();
		if (name == null) {
			return 0;
		}
		return this.store.deletePublications(consumerView.id(), pacticipant(provider).id(), """
				exists (select 1 from branch_versions bv
				        where bv.version_id = pp.consumer_version_id and bv.branch_name = :name)""", name);
	}

	/**
	 * The integration with its pacts, their content and the verification results of that
	 * content. The pacticipants and their versions stay: they may be deployed, released
	 * or in other integrations, and can-i-deploy answers for those must not change.
	 */
	public void delete(String provider, String consumer) {
		// As in the Pact Broker, only unknown pacticipants are "not found": deleting an
		// integration that is already gone succeeds, so a retried deletion does too.
		this.store.deleteIntegrations(pacticipant(consumer).id(), pacticipant(provider).id());
	}

	/** Every integration, as {@link #delete} removes one. */
	public void deleteAll() {
		this.store.deleteIntegrations(null, null);
	}

	/**
	 * A consumer–provider pair with the pacticipants' ids, which the Pact Broker's CSV
	 * views of the network use as node identifiers.
	 *
	 * @param consumerId consumer id
	 * @param consumer consumer name
	 * @param providerId provider id
	 * @param provider provider name
	 */
	public record Pair(long consumerId, String consumer, long providerId, String provider) {

	}

	private PacticipantView pacticipant(String name) {
		return this.pacticipants.find(name).orElseThrow(() -> NotFoundException.pacticipant(name));
	}

}
