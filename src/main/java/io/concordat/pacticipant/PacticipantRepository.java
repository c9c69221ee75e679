package io.concordat.pacticipant;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
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

	@Query("select p from Pacticipant p where lower(p.name) like lower(concat('%', :q, '%')) order by lower(p.name)")
	List<Pacticipant> search(String q, Pageable page);

	@Query("select count(p) from Pacticipant p where lower(p.name) like lower(concat('%', :q, '%'))")
	long countMatching(String q);

}
