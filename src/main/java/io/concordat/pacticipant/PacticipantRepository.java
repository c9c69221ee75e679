package io.concordat.pacticipant;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PacticipantRepository extends Repository<Pacticipant, Long> {

	Optional<Pacticipant> findByName(String name);

	/** The id and name only, without loading the entity. */
	@Query("select new io.concordat.pacticipant.PacticipantRef(p.id, p.name) from Pacticipant p where p.name = :name")
	Optional<PacticipantRef> findRefByName(String name);

	Optional<Pacticipant> findById(Long id);

	Pacticipant saveAndFlush(Pacticipant pacticipant);

	void delete(Pacticipant pacticipant);

	void flush();

	/**
	 * Creates the pacticipant unless it exists, leaving racing creators to PostgreSQL
	 * (publication creates pacticipants it has not seen). Native, because JPA has no
	 * insert-or-ignore; here rather than in plain SQL, so that this table has one owner.
	 */
	@Modifying
	@Query(value = "insert into pacticipants (name, display_name) values (:name, :displayName) on conflict (name) do nothing",
			nativeQuery = true)
	void insertIfAbsent(String name, String displayName);

	@Query("select p.name from Pacticipant p where p.name <> :name order by p.name")
	List<String> namesOtherThan(String name);

	@Query(value = "select number from versions where pacticipant_id = :id order by version_order desc limit 1",
			nativeQuery = true)
	Optional<String> latestVersionNumber(long id);

	@Query("select p from Pacticipant p where lower(p.name) like lower(concat('%', :q, '%')) order by lower(p.name)")
	List<Pacticipant> search(String q, Pageable page);

	@Query("select count(p) from Pacticipant p where lower(p.name) like lower(concat('%', :q, '%'))")
	long countMatching(String q);

}
