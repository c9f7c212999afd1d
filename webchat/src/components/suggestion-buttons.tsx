export interface SuggestionButtonsProps {
  label: string;
  suggestions: string[];
  disabled: boolean;
  onAsk: (text: string) => void;
}

export function SuggestionButtons({ label, suggestions, disabled, onAsk }: SuggestionButtonsProps) {
  return (
    <div class="xn-suggestions" role="group" aria-label={label}>
      <p class="xn-suggestions-title" aria-hidden="true">
        {label}
      </p>
      {suggestions.map((suggestion) => (
        <button key={suggestion} type="button" class="xn-suggestion" disabled={disabled} onClick={() => onAsk(suggestion)}>
          {suggestion}
        </button>
      ))}
    </div>
  );
}
