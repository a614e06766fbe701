import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * unaccent_vi(text): lower case without Vietnamese diacritics, so that a search for "nguyen van a"
 * or "NGUYỄN VĂN A" finds "Nguyễn Văn A". Written with translate() rather than the unaccent
 * extension, which an embedded or managed PostgreSQL may not offer; and both cases are listed,
 * because lower() outside ASCII depends on the database's locale. The combining marks of decomposed
 * text (NFD, as some keyboards send it) are dropped, so both forms fold alike. It also orders names
 * close to Vietnamese alphabetical order, which a C-collated database does not know.
 */
export class InboxSearch1764160000000 implements MigrationInterface {
  name = 'InboxSearch1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION unaccent_vi(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT translate(value, 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐABCDEFGHIJKLMNOPQRSTUVWXYẒ̛̀́̃̉̂̆', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydabcdefghijklmnopqrstuvwxyz')
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION unaccent_vi(text);`);
  }
}
