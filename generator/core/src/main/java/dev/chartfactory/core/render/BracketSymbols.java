package dev.chartfactory.core.render;

import com.hubspot.jinjava.tree.parse.TokenScannerSymbols;

/**
 * Jinjava delimiters that cannot clash with Helm's: {@code [[ expr ]]}, {@code [% tag %]},
 * {@code [# note #]}. Helm's {@code {{ }}} is then plain text to Jinjava.
 */
final class BracketSymbols extends TokenScannerSymbols {

  private static final long serialVersionUID = 1L;

  @Override
  public char getPrefixChar() {
    return '[';
  }

  @Override
  public char getPostfixChar() {
    return ']';
  }

  @Override
  public char getFixedChar() {
    return 0;
  }

  @Override
  public char getNoteChar() {
    return '#';
  }

  @Override
  public char getTagChar() {
    return '%';
  }

  @Override
  public char getExprStartChar() {
    return '[';
  }

  @Override
  public char getExprEndChar() {
    return ']';
  }

  @Override
  public char getNewlineChar() {
    return '\n';
  }

  @Override
  public char getTrimChar() {
    return '-';
  }
}
